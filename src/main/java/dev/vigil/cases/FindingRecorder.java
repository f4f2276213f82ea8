package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.cases.jdbi.Blobs;
import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores triaged findings in batches, one transaction per batch. {@link #add} buffers; every {@code batchSize} findings
 * the batch goes to a writer thread, so that triage goes on while the database works (at most two batches wait, then
 * {@code add} waits). {@link #flush} and {@link #close} wait until everything added is committed. A batch is committed
 * whole or not at all; a finding counts as done once {@code afterCommit} has been told about its batch (on the writer
 * thread). A crash loses only the batches not reported, and recording the same input again stores nothing twice.
 * One recorder per import; call it from one thread.
 */
public final class FindingRecorder implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    private static final int BATCHES_IN_FLIGHT = 2;

    private final Jdbi jdbi;
    private final int batchSize;
    private final Clock clock;
    private final Consumer<RecordSummary> afterCommit;
    private final ExecutorService writer;
    private final List<BatchWrite.Entry> pending = new ArrayList<>();
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private final List<ObservationIndex> uncommitted = new CopyOnWriteArrayList<>();
    private ObservationIndex pendingIndex = new ObservationIndex();
    private final List<Runnable> submitListeners = new ArrayList<>();
    private Handle writeHandle;
    private final Blobs.Writer blobs = new Blobs.Writer();
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

    FindingRecorder(Jdbi jdbi, boolean sqlite, int batchSize, Clock clock, Consumer<RecordSummary> afterCommit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.jdbi = jdbi;
        this.sqlite = sqlite;
        this.batchSize = batchSize;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
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
        pending.add(new BatchWrite.Entry(finding, verdict));
        pendingIndex.add(finding);
        if (pending.size() >= batchSize) {
            submit();
        }
    }

    /** Commits everything added so far and returns what this recorder has committed in all. */
    public RecordSummary flush() {
        submit();
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
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
        pendingIndex = new ObservationIndex();
        submitListeners.forEach(Runnable::run);
        inFlight.addLast(writer.submit(() -> write(batch, index)));
        while (inFlight.size() > BATCHES_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
    }

    /** On the writer thread: one transaction, then the report. */
    private void write(List<BatchWrite.Entry> batch, ObservationIndex index) {
        if (writeHandle == null) {
            writeHandle = jdbi.open();
            if (sqlite) {
                writeHandle.execute(SQLITE_WRITER_PRAGMA);
            }
        }
        RecordSummary summary = writeHandle.inTransaction(transaction ->
                new BatchWrite(transaction, clock.instant(), "vigil", blobs).write(batch));
        blobs.committed();
        committed = committed.plus(summary);
        StoreHistory reading = history;
        if (reading != null) {
            reading.committed(index);
        }
        // only now leaves the uncommitted findings: a look-up sees the batch either there or in the store
        uncommitted.removeIf(committedIndex -> committedIndex == index);
        afterCommit.accept(summary);
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
                writer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
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
