package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one import's writer connection wrote into a SQLite store that held nothing (no finding, open case, contact or
 * pattern instance) when the import began, for as long as no other connection writes to it: then a finding or an open
 * case this import did not write is not in the store, and the look-ups before each batch ({@link BatchWrite}) ask only
 * about the ids and case keys it did write (the repeats of an input), not about all of them; the history skips its
 * look-ups of endpoints the import never saw in the same way ({@code dev.vigil.cases.RunKeys}).
 * <p>
 * {@code PRAGMA data_version} tells: it changes when another connection (another import, {@code vigil cases move},
 * ...) commits, never for this connection's own commits. It is read at the start of each transaction, in the snapshot
 * the transaction then writes on; once it changed, or when the store held anything at the start, every look-up goes to
 * the database as before. The ids and keys are kept as their {@link String#hashCode()}: a hash shared by chance only
 * makes a look-up that finds nothing. Rolled-back batches leave their hashes behind, which is as harmless. For the
 * writer thread, but {@link #alone}.
 */
public final class OwnWrites {

    /** Past this many findings or cases (32 MB of hashes at most) everything is asked again, as after another's commit. */
    static final int MAX_KEPT = 4_000_000;

    private IntHashSet findings = new IntHashSet();
    private IntHashSet openCases = new IntHashSet();
    private boolean began;
    /** Written by the writer thread, read by the history's too ({@link #alone}). */
    private volatile boolean alone;
    private long dataVersion;

    /** Call at the start of each transaction of the writer's connection, before the transaction reads or writes. */
    public void transactionBegan(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            long version = single(statement, "PRAGMA data_version");
            if (!began) {
                began = true;
                dataVersion = version;
                alone = single(statement, "SELECT EXISTS (SELECT 1 FROM findings) "
                        + "OR EXISTS (SELECT 1 FROM cases WHERE open_key IS NOT NULL) "
                        + "OR EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM pattern_instances)") == 0;
            } else if (version != dataVersion) {
                alone = false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of the store: " + e.getMessage(), e);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Whether the store held nothing (no finding, open case or history) when this import's first transaction began and
     * no other connection has committed since, as of the writer's latest transaction; false until its first.
     */
    public boolean alone() {
        return alone;
    }

    /** Whether the store may hold the finding: false only when it holds nothing this import did not write, nor this. */
    boolean mayHoldFinding(String id) {
        return !alone || findings.contains(id.hashCode());
    }

    /** Whether the store may hold an open case with this key (as {@link #mayHoldFinding}). */
    boolean mayHoldOpenCase(String key) {
        return !alone || openCases.contains(key.hashCode());
    }

    void wroteFinding(String id) {
        if (alone) {
            findings.add(id.hashCode());
            checkSize(findings);
        }
    }

    void openedCase(String key) {
        if (alone) {
            openCases.add(key.hashCode());
            checkSize(openCases);
        }
    }

    private void checkSize(IntHashSet kept) {
        if (kept.size() > MAX_KEPT) {
            alone = false;
            findings = null;
            openCases = null;
        }
    }
}
