package dev.vigil.cases;

import dev.vigil.cases.jdbi.HistoryQueries;
import dev.vigil.finding.Finding;
import dev.vigil.intel.History;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The triage history backed by the case store, so that it holds across runs: yesterday's import makes today's repeat
 * {@code expected}. It answers from the stored contacts and pattern instances plus the findings of this run that are not committed yet
 * (those recorded here and those the recorder has not committed). Like {@code InMemoryHistory}, it names at most
 * {@value dev.vigil.cases.jdbi.HistoryQueries#MAX_INSTANCES} instances per pattern from the store.
 * Call it from the thread that adds to the recorder.
 */
public final class StoreHistory implements History, AutoCloseable {

    private final Handle handle;
    private final HistoryQueries queries;
    private final FindingRecorder recorder;
    private ObservationIndex recorded = new ObservationIndex();

    /** A history reading with its own connection and seeing what {@code recorder} (may be null) has not committed yet. */
    StoreHistory(Handle handle, FindingRecorder recorder) {
        this.handle = handle;
        this.queries = new HistoryQueries(handle.getConnection());
        this.recorder = recorder;
    }

    /** The recorder has taken every finding recorded so far into a batch: its uncommitted findings cover them now. */
    void forgetRecorded() {
        recorded = new ObservationIndex();
    }

    @Override
    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null) {
            return false;
        }
        // the findings not committed yet first: a batch committing meanwhile is then seen by the query that follows
        for (ObservationIndex index : unflushed()) {
            if (index.seenBefore(subject, remoteIp, port, before)) {
                return true;
            }
        }
        return queries.seenBefore(subject, remoteIp, port, before);
    }

    @Override
    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        if (type == null || remoteIp == null || at == null || window == null) {
            return new LinkedHashSet<>();
        }
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Set<String> instances = new LinkedHashSet<>();
        for (ObservationIndex index : unflushed()) {
            index.instancesWithPattern(type, remoteIp, port, from, to, instances);
        }
        instances.addAll(queries.instancesWithPattern(type, remoteIp, port, from, to));
        return instances;
    }

    /** Remembers a finding of this run until the recorder has it in a batch. */
    @Override
    public void record(Finding finding) {
        recorded.add(finding);
    }

    private List<ObservationIndex> unflushed() {
        if (recorder == null) {
            return List.of(recorded);
        }
        List<ObservationIndex> indexes = recorder.uncommittedIndexes();
        indexes.add(recorded);
        return indexes;
    }

    @Override
    public void close() {
        queries.close();
        handle.close();
    }
}
