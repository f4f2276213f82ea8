package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 3, for a cheaper import: the history keeps one row per contact and pattern instance per port, and
 * "any port" is answered by a range over the ports instead of a second row ({@code remote_port} -1 rows go: about
 * 300,000 fewer rows per 100,000 findings); the indexes of {@code findings} leave out the rows their queries never ask
 * for (the findings of no case, the findings not suppressed). On SQLite {@code contacts} and {@code pattern_instances}
 * become WITHOUT ROWID tables clustered on their key (one b-tree per table instead of a table and its key's index);
 * PostgreSQL, which has no such tables, drops the rows only. A Java migration because the two databases differ there.
 */
public final class V3__Compact_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        try (Statement statement = connection.createStatement()) {
            if (sqlite) {
                statement.execute("CREATE TABLE contacts_v3 (subject VARCHAR(256) NOT NULL, remote_ip VARCHAR(64) NOT NULL, "
                        + "remote_port INTEGER NOT NULL, first_seen BIGINT NOT NULL, "
                        + "PRIMARY KEY (subject, remote_ip, remote_port)) WITHOUT ROWID");
                statement.execute("INSERT INTO contacts_v3 SELECT subject, remote_ip, remote_port, first_seen FROM contacts "
                        + "WHERE remote_port <> -1 ORDER BY subject, remote_ip, remote_port");
                statement.execute("DROP TABLE contacts");
                statement.execute("ALTER TABLE contacts_v3 RENAME TO contacts");
                statement.execute("CREATE TABLE pattern_instances_v3 (type VARCHAR(256) NOT NULL, "
                        + "remote_ip VARCHAR(64) NOT NULL, remote_port INTEGER NOT NULL, instance_id VARCHAR(64) NOT NULL, "
                        + "first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, "
                        + "PRIMARY KEY (type, remote_ip, remote_port, instance_id)) WITHOUT ROWID");
                statement.execute("INSERT INTO pattern_instances_v3 SELECT type, remote_ip, remote_port, instance_id, "
                        + "first_seen, last_seen FROM pattern_instances WHERE remote_port <> -1 "
                        + "ORDER BY type, remote_ip, remote_port, instance_id");
                statement.execute("DROP TABLE pattern_instances");
                statement.execute("ALTER TABLE pattern_instances_v3 RENAME TO pattern_instances");
                rowidKeys(statement);
            } else {
                statement.execute("DELETE FROM contacts WHERE remote_port = -1");
                statement.execute("DELETE FROM pattern_instances WHERE remote_port = -1");
            }
            // case queries ask for the findings of one case, metrics for the suppressed ones
            statement.execute("DROP INDEX findings_by_case");
            statement.execute("CREATE INDEX findings_by_case ON findings (case_number, level_rank, updated_at) "
                    + "WHERE case_number IS NOT NULL");
            statement.execute("DROP INDEX findings_by_suppression");
            statement.execute("CREATE INDEX findings_by_suppression ON findings (suppressed_by, created_at) "
                    + "WHERE suppressed_by IS NOT NULL");
        }
    }

    /**
     * On SQLite a {@code BIGINT PRIMARY KEY} is a unique index beside the table's rowid; an {@code INTEGER PRIMARY KEY} is
     * the rowid itself. Cases, timeline entries and checklists are numbered in ascending order, so keyed on the rowid
     * each insert appends to its table and writes no index entry for its key; {@code case_resources} is clustered on
     * its key (WITHOUT ROWID). Every column keeps its name and values, and its type for reading (a 64-bit integer).
     */
    private static void rowidKeys(Statement statement) throws SQLException {
        rebuild(statement, "cases", "number INTEGER NOT NULL PRIMARY KEY, case_key VARCHAR(512) NOT NULL, "
                + "open_key VARCHAR(512) UNIQUE, type VARCHAR(256) NOT NULL, account_id VARCHAR(64), "
                + "title VARCHAR(512) NOT NULL, state VARCHAR(16) NOT NULL, resolution VARCHAR(32), "
                + "level_rank INTEGER NOT NULL, max_score DOUBLE PRECISION NOT NULL, playbook VARCHAR(128), "
                + "playbook_version VARCHAR(64), first_finding_id VARCHAR(256) NOT NULL, finding_count BIGINT NOT NULL, "
                + "first_seen BIGINT, last_seen BIGINT, detected_at BIGINT, opened_at BIGINT NOT NULL, "
                + "updated_at BIGINT NOT NULL, investigating_at BIGINT, contained_at BIGINT, eradicated_at BIGINT, "
                + "recovered_at BIGINT, closed_at BIGINT", "",
                "number, case_key, open_key, type, account_id, title, state, resolution, level_rank, max_score, playbook, "
                        + "playbook_version, first_finding_id, finding_count, first_seen, last_seen, detected_at, opened_at, "
                        + "updated_at, investigating_at, contained_at, eradicated_at, recovered_at, closed_at", "number");
        statement.execute("CREATE INDEX cases_by_level ON cases (level_rank, last_seen, number)");
        statement.execute("CREATE INDEX cases_by_state ON cases (state, level_rank, last_seen, number)");
        rebuild(statement, "timeline", "id INTEGER NOT NULL PRIMARY KEY, case_number BIGINT NOT NULL, at BIGINT NOT NULL, "
                + "actor VARCHAR(128) NOT NULL, kind VARCHAR(32) NOT NULL, from_state VARCHAR(16), to_state VARCHAR(16), "
                + "finding_id VARCHAR(256), text TEXT", "",
                "id, case_number, at, actor, kind, from_state, to_state, finding_id, text", "id");
        statement.execute("CREATE INDEX timeline_by_case ON timeline (case_number, kind, id)");
        rebuild(statement, "case_checklists", "case_number INTEGER NOT NULL PRIMARY KEY, steps BYTEA NOT NULL", "",
                "case_number, steps", "case_number");
        rebuild(statement, "case_resources", "case_number BIGINT NOT NULL, kind VARCHAR(32) NOT NULL, "
                + "resource VARCHAR(256) NOT NULL, PRIMARY KEY (case_number, kind, resource)", " WITHOUT ROWID",
                "case_number, kind, resource", "case_number, kind, resource");
    }

    /** Replaces {@code table} by one with {@code columns}, its rows copied in {@code order}; its indexes go with it. */
    private static void rebuild(Statement statement, String table, String columns, String options, String names,
                                String order) throws SQLException {
        statement.execute("CREATE TABLE " + table + "_v3 (" + columns + ")" + options);
        statement.execute("INSERT INTO " + table + "_v3 (" + names + ") SELECT " + names + " FROM " + table
                + " ORDER BY " + order);
        statement.execute("DROP TABLE " + table);
        statement.execute("ALTER TABLE " + table + "_v3 RENAME TO " + table);
    }
}
