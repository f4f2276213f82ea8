package dev.vigil.cases;

import dev.vigil.cases.jdbi.Blobs;
import dev.vigil.cases.jdbi.CaseQueries;
import dev.vigil.cases.jdbi.CaseUpdates;
import dev.vigil.cases.jdbi.MetricsQueries;
import dev.vigil.cases.jdbi.StoreDatabase;
import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Vigil's memory: every triaged finding with its verdict, the cases they open, their checklists and timelines, the
 * history triage consults, and the runbook's metrics. Embedded SQLite by default, PostgreSQL by JDBC URL, same schema.
 * Thread-safe for the look-ups and responder actions; a {@link FindingRecorder} is for one thread.
 *
 * <pre>{@code
 * try (CaseStore store = CaseStore.open(StoreLocation.resolve(dbOption, config.store().url(), System.getenv()));
 *      FindingRecorder recorder = store.recorder()) {
 *     History history = recorder.history();
 *     ... Verdict verdict = engine.triage(finding); history.record(finding); recorder.add(finding, verdict);
 * }
 * }</pre>
 */
public final class CaseStore implements AutoCloseable {

    private final StoreDatabase database;
    private final Clock clock;

    private CaseStore(StoreDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Opens (creating and migrating it when needed) the store at {@code location}. */
    public static CaseStore open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    public static CaseStore open(StoreLocation location, Clock clock) {
        return new CaseStore(StoreDatabase.open(location), clock);
    }

    /**
     * Copies the SQLite driver's native library for this platform into {@code directory} and returns its path. Run
     * with {@code -Dorg.sqlite.lib.path=DIRECTORY}, the driver loads it from there instead of writing it to the temporary
     * directory and reading it back at every start (a good part of a short command's start); the launcher does this.
     */
    public static Path copySqliteLibrary(Path directory) {
        return StoreDatabase.copySqliteLibrary(directory);
    }

    /**
     * Copies the native library of zstd-jni (which compresses the stored verdicts and checklists) for this platform into
     * {@code directory} and returns its path, for {@code -DZstdNativePath=PATH}; see {@link #copySqliteLibrary}.
     */
    public static Path copyZstdLibrary(Path directory) {
        return Blobs.copyZstdLibrary(directory);
    }

    public StoreLocation location() {
        return database.location();
    }

    /** A recorder committing every {@value FindingRecorder#DEFAULT_BATCH_SIZE} findings. */
    public FindingRecorder recorder() {
        return recorder(FindingRecorder.DEFAULT_BATCH_SIZE, summary -> { });
    }

    /** A recorder committing every {@code batchSize} findings and telling {@code afterCommit} about each committed batch. */
    public FindingRecorder recorder(int batchSize, Consumer<RecordSummary> afterCommit) {
        return new FindingRecorder(database.jdbi(), database.sqlite(), batchSize, clock, afterCommit);
    }

    /** Stores one triaged finding in its own transaction (for a single finding; use a recorder for many). */
    public RecordSummary record(Finding finding, Verdict verdict) {
        try (FindingRecorder recorder = recorder(1, summary -> { })) {
            recorder.add(finding, verdict);
            return recorder.flush();
        }
    }

    /** The history for a triage run that records with {@code recorder}: the store plus what it has not committed yet. */
    public StoreHistory history(FindingRecorder recorder) {
        return recorder.history();
    }

    /** A read-only history over what is stored; close it when done. */
    public StoreHistory history() {
        return new StoreHistory(database.jdbi().open(), null);
    }

    public List<CaseSummary> list(CaseFilter filter) {
        try (Connection connection = database.connection()) {
            return new CaseQueries(connection).list(filter);
        } catch (SQLException e) {
            throw closeFailed(e);
        }
    }

    public CaseSummary summary(CaseId id) {
        try (Connection connection = database.connection()) {
            return new CaseQueries(connection).require(id);
        } catch (SQLException e) {
            throw closeFailed(e);
        }
    }

    /** One case in detail, read in one transaction so that its parts agree while an import adds to it. */
    public CaseDetail show(CaseId id) {
        return inReadTransaction(connection -> new CaseQueries(connection).detail(id));
    }

    public List<TimelineEntry> timeline(CaseId id) {
        return inReadTransaction(connection -> {
            CaseQueries queries = new CaseQueries(connection);
            queries.require(id);
            return queries.fullTimeline(id);
        });
    }

    public CaseSummary move(CaseId id, CaseState target, boolean falsePositive, String actor, String note) {
        return database.jdbi().withHandle(handle ->
                new CaseUpdates(handle).move(id, target, falsePositive, actor, note, clock.instant()));
    }

    public ChecklistItem check(CaseId id, String step, String actor, String note) {
        return database.jdbi().withHandle(handle -> new CaseUpdates(handle).check(id, step, actor, note, clock.instant()));
    }

    public void note(CaseId id, String actor, String text) {
        database.jdbi().useHandle(handle -> new CaseUpdates(handle).note(id, actor, text, clock.instant()));
    }

    /** The metrics over the cases seen and the findings suppressed since {@code since}. */
    public MetricsReport metrics(Instant since) {
        return inReadTransaction(connection -> new MetricsQueries(connection).report(since, clock.instant()));
    }

    /** Row counts, for checks and the benchmark. */
    public StoreCounts counts() {
        return database.jdbi().withHandle(handle -> new StoreCounts(
                count(handle, "findings"), count(handle, "finding_versions"), count(handle, "cases"),
                count(handle, "timeline"), count(handle, "contacts"), count(handle, "pattern_instances")));
    }

    private static long count(org.jdbi.v3.core.Handle handle, String table) {
        return handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
    }

    /** Runs {@code reads} in a transaction of their own, which is rolled back (it writes nothing). */
    private <T> T inReadTransaction(Function<Connection, T> reads) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                return reads.apply(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw closeFailed(e);
        }
    }

    private IllegalStateException closeFailed(SQLException e) {
        return new IllegalStateException("the case store " + location().display() + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        database.close();
    }
}
