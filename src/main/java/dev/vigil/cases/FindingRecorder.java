package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Stores triaged findings in batches, one transaction per batch: {@link #add} buffers, every {@code batchSize} findings
 * (and on {@link #flush} / {@link #close}) the batch is committed whole or not at all. A finding counts as done once
 * {@code afterCommit} has been told about its batch; a crash loses only the batch in progress, and recording the same
 * input again stores nothing twice. Not thread-safe: one recorder per import.
 */
public final class FindingRecorder implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final Handle handle;
    private final int batchSize;
    private final Clock clock;
    private final Consumer<RecordSummary> afterCommit;
    private final List<BatchWrite.Entry> pending = new ArrayList<>();
    private final List<Runnable> flushListeners = new ArrayList<>();
    private RecordSummary committed = RecordSummary.NONE;
    private boolean closed;

    FindingRecorder(Handle handle, int batchSize, Clock clock, Consumer<RecordSummary> afterCommit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.handle = handle;
        this.batchSize = batchSize;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Buffers one triaged finding; commits the batch when it is full. */
    public void add(Finding finding, Verdict verdict) {
        if (closed) {
            throw new IllegalStateException("this recorder is closed");
        }
        if (!finding.id().equals(verdict.findingId()) && verdict.findingId() != null) {
            throw new IllegalArgumentException("verdict for finding " + verdict.findingId() + " given with finding " + finding.id());
        }
        pending.add(new BatchWrite.Entry(finding, verdict));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Commits what is buffered, in one transaction, and returns what that batch did. */
    public RecordSummary flush() {
        if (pending.isEmpty()) {
            return RecordSummary.NONE;
        }
        List<BatchWrite.Entry> batch = List.copyOf(pending);
        RecordSummary summary = handle.inTransaction(transaction ->
                new BatchWrite(transaction, clock.instant(), "vigil").write(batch));
        pending.clear();
        committed = committed.plus(summary);
        flushListeners.forEach(Runnable::run);
        afterCommit.accept(summary);
        return summary;
    }

    /** Everything committed by this recorder so far. */
    public RecordSummary committed() {
        return committed;
    }

    /** The findings added but not committed yet (the history consults them too). */
    List<Finding> pendingFindings() {
        List<Finding> findings = new ArrayList<>(pending.size());
        pending.forEach(entry -> findings.add(entry.finding()));
        return findings;
    }

    Handle handle() {
        return handle;
    }

    void onFlush(Runnable listener) {
        flushListeners.add(listener);
    }

    /** Commits the last batch and releases the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            handle.close();
        }
    }
}
