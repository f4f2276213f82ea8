package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.cases.jdbi.Blobs;
import dev.vigil.cases.jdbi.OwnWrites;
import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores triaged findings in batches. {@link #add} buffers; every {@code batchSize} findings the batch goes to a writer
 * thread, so that triage goes on while the database works (at most two batches wait, then {@code add} waits); the writer
 * commits each batch, or a few together when batches wait for it. {@link #flush} and {@link #close} wait until everything
 * added is committed. A batch is committed whole or not at all; a finding counts as done once {@code afterCommit} has been told about its batch (on the writer
 * thread). A crash loses only the batches not reported, and recording the same input again stores nothing twice.
 * One recorder per import; call it from one thread.
 */
public final class FindingRecorder implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    private static final int BATCHES_IN_FLIGHT = 2;
    /** At most this many batches share a transaction (see {@link #write}). */
    static final int BATCHES_PER_COMMIT = 32;

    private final Jdbi jdbi;
    private final int batchSize;
    private final Clock clock;
    private final Consumer<RecordSummary> afterCommit;
    private final ExecutorService writer;
    private final BlockingQueue<Runnable> writerQueue = new LinkedBlockingQueue<>();
    /** On the writer thread: the batches written in the open transaction, not committed yet. */
    private final List<Written> written = new ArrayList<>();
    private final List<BatchWrite.Entry> pending = new ArrayList<>();
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private final List<ObservationIndex> uncommitted = new CopyOnWriteArrayList<>();
    /** The history keys of every finding added (with the writer's {@code own}: whether the store may hold a key). */
    private final RunKeys runKeys;
    private ObservationIndex pendingIndex;
    /** The finding the history indexed last, if not added since: {@link #add} does not index it again. */
    private Finding indexedByHistory;
    private final List<Runnable> submitListeners = new ArrayList<>();
    private Handle writeHandle;
    private final Blobs.Writer blobs = new Blobs.Writer();
    /** On SQLite, what the writer wrote, to skip the look-ups of what the store cannot hold. */
    private final OwnWrites own;
    private volatile StoreHistory history;
    private volatile RecordSummary committed = RecordSummary.NONE;
    private RuntimeException failure;
    private boolean closed;

    /**
     * SQLite checkpoints its write-ahead log into the database (with an fsync) whenever the log passes 1000 pages, which
     * a batch of findings always does; the recorder lets the log grow to 64 MB between checkpoints instead.
     */
    private static final String SQLITE_WRITER_PRAGMA = "PRAGMA wal_autocheckpoint = 16384";

    private final boolean sqlite;

    /** A batch written in the open transaction; on PostgreSQL with its entries, to write it again after a lost race. */
    private record Written(List<BatchWrite.Entry> batch, RecordSummary summary, ObservationIndex index) {
    }

    /**
     * How many times the open transaction is written again when it loses a race with another import into the same
     * PostgreSQL store (both opening the same case, storing the same finding, or a deadlock) before the import fails.
     */
    static final int ATTEMPTS_AFTER_LOST_RACE = 5;

    /** PostgreSQL's unique violation, serialization failure and deadlock: another writer got there first. */
    private static final Set<String> LOST_RACE = Set.of("23505", "40001", "40P01");

    FindingRecorder(Jdbi jdbi, boolean sqlite, int batchSize, Clock clock, Consumer<RecordSummary> afterCommit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.jdbi = jdbi;
        this.sqlite = sqlite;
        this.own = sqlite ? new OwnWrites() : null;
        this.runKeys = new RunKeys(own);
        this.pendingIndex = new ObservationIndex(runKeys);
        this.batchSize = batchSize;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, writerQueue, runnable -> {
            Thread thread = new Thread(runnable, "vigil-store-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Buffers one triaged finding; hands the batch to the writer when it is full. */
    public void add(Finding finding, Verdict verdict) {
        if (failure != null) {
            throw new IllegalStateException("storing findings failed earlier (" + failure.getMessage()
                    + "); the batches reported committed are stored, run the import again for the rest", failure);
        }
        if (closed) {
            throw new IllegalStateException("this recorder is closed");
        }
        if (verdict.findingId() != null && !finding.id().equals(verdict.findingId())) {
            throw new IllegalArgumentException("verdict for finding " + verdict.findingId() + " given with finding " + finding.id());
        }
        pending.add(BatchWrite.Entry.compact(finding, verdict));
        if (finding != indexedByHistory) {
            pendingIndex.add(finding);
        }
        indexedByHistory = null;
        if (pending.size() >= batchSize) {
            submit();
        }
    }

    /**
     * The history was told about a finding (triage tells it about each one before the finding is added here): it goes
     * into the index of the batch being filled, once, rather than into the history's and then again into the batch's.
     */
    void indexForHistory(Finding finding) {
        pendingIndex.add(finding);
        indexedByHistory = finding;
    }

    /** Commits everything added so far and returns what this recorder has committed in all. */
    public RecordSummary flush() {
        submit();
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
        // the last batch found no other waiting and committed; this only makes sure
        await(writer.submit(this::commitLast));
        return committed;
    }

    /** Everything committed by this recorder so far. */
    public RecordSummary committed() {
        return committed;
    }

    /**
     * The history for the triage run that records here: the store plus every finding added and not committed yet.
     * It reads with its own connection; the recorder closes it.
     */
    public StoreHistory history() {
        if (history == null) {
            history = new StoreHistory(jdbi.open(), this);
            submitListeners.add(history::forgetRecorded);
        }
        return history;
    }

    private void submit() {
        if (pending.isEmpty()) {
            return;
        }
        List<BatchWrite.Entry> batch = List.copyOf(pending);
        ObservationIndex index = pendingIndex;
        uncommitted.add(index);
        pending.clear();
        pendingIndex = new ObservationIndex(runKeys);
        submitListeners.forEach(Runnable::run);
        inFlight.addLast(writer.submit(() -> write(batch, index)));
        while (inFlight.size() > BATCHES_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
    }

    /**
     * On the writer thread: writes one batch in the open transaction, and commits when no other batch waits or
     * {@value #BATCHES_PER_COMMIT} batches are written; then each of them is reported. An import the writer keeps up with
     * commits every batch; one it does not (it is the longest chain of a store import) commits every few batches, each
     * commit writing the pages of the random-keyed indexes that several batches touched once instead of once per batch.
     */
    private void write(List<BatchWrite.Entry> batch, ObservationIndex index) {
        if (writeHandle == null) {
            writeHandle = jdbi.open();
            if (sqlite) {
                writeHandle.execute(SQLITE_WRITER_PRAGMA);
            }
        }
        try {
            if (!writeHandle.isInTransaction()) {
                writeHandle.begin();
                if (own != null) {
                    own.transactionBegan(writeHandle.getConnection());
                }
            }
            RecordSummary summary = replayingLostRaces(() -> writeBatch(batch));
            written.add(new Written(sqlite ? null : batch, summary, index));
            if (written.size() >= BATCHES_PER_COMMIT || writerQueue.isEmpty()) {
                commitWritten();
            }
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
    }

    private RecordSummary writeBatch(List<BatchWrite.Entry> batch) {
        return new BatchWrite(writeHandle, clock.instant(), "vigil", blobs, own).write(batch);
    }

    /**
     * Runs {@code step} in the open transaction. When another import into the same PostgreSQL store got there first (it
     * committed the case this transaction opens too, or the same finding), the transaction is rolled back, its batches
     * are written again (they now find the other import's case and join it) and {@code step} runs again. SQLite has one
     * writer at a time, so there a failure is a failure.
     */
    private <T> T replayingLostRaces(Supplier<T> step) {
        RuntimeException lost = null;
        for (int attempt = 0; attempt <= ATTEMPTS_AFTER_LOST_RACE; attempt++) {
            try {
                if (lost != null) {
                    writeHandle.rollback();
                    writeHandle.begin();
                    for (int i = 0; i < written.size(); i++) {
                        Written batch = written.get(i);
                        written.set(i, new Written(batch.batch(), writeBatch(batch.batch()), batch.index()));
                    }
                }
                return step.get();
            } catch (RuntimeException e) {
                if (sqlite || !lostRace(e)) {
                    throw e;
                }
                lost = e;
            }
        }
        throw new IllegalStateException("another import into the same store won the race for the same cases or findings "
                + (ATTEMPTS_AFTER_LOST_RACE + 1) + " times in a row (" + lost.getMessage() + "); the batches reported "
                + "committed are stored: run this import again when the other has finished", lost);
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (LOST_RACE.contains(each.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** On the writer thread: commits what is written, if anything (the end of an import). */
    private void commitLast() {
        try {
            commitWritten();
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
    }

    /** The batches written in the open transaction were not reported: they are lost with it, as a crash would lose them. */
    private void abandon() {
        written.clear();
        if (writeHandle != null && writeHandle.isInTransaction()) {
            writeHandle.rollback();
        }
    }

    /** On the writer thread: commits the open transaction and reports its batches in order. */
    private void commitWritten() {
        if (written.isEmpty()) {
            return;
        }
        replayingLostRaces(() -> {
            writeHandle.commit();
            return null;
        });
        blobs.committed();
        for (Written batch : written) {
            committed = committed.plus(batch.summary());
            StoreHistory reading = history;
            if (reading != null) {
                reading.committed(batch.index());
            }
            // only now leaves the uncommitted findings: a look-up sees the batch either there or in the store
            uncommitted.removeIf(committedIndex -> committedIndex == batch.index());
            afterCommit.accept(batch.summary());
        }
        written.clear();
    }

    private void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing findings", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failure = cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("storing findings failed: " + cause, cause);
            throw failure;
        }
    }

    /**
     * Whether a finding added may have had this history key ({@link ObservationIndex#contactKey} or
     * {@link ObservationIndex#patternKey}); false: none had it.
     */
    boolean mayHaveAdded(String historyKey) {
        return runKeys.mayHaveSeen(historyKey);
    }

    /** Whether the store holds only what this recorder wrote (as far as its writer knows, see {@link OwnWrites}). */
    boolean storeHoldsOnlyWhatWasAdded() {
        return runKeys.storeHoldsOnlyThisImport();
    }

    /** The findings added and not committed yet, indexed: the batch being filled first, then those with the writer. */
    List<ObservationIndex> uncommittedIndexes() {
        List<ObservationIndex> indexes = new ArrayList<>(3);
        indexes.add(pendingIndex);
        indexes.addAll(uncommitted);
        return indexes;
    }

    /** Commits the last batch, stops the writer and releases the connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                flush();
            }
        } finally {
            closed = true;
            writer.shutdown();
            try {
                writer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writeHandle != null) {
                writeHandle.close();
            }
            blobs.close();
            if (history != null) {
                history.close();
            }
        }
    }
}
