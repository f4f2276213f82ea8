package dev.vigil.cases;

import dev.vigil.cases.jdbi.HistoryQueries;
import dev.vigil.finding.Finding;
import dev.vigil.intel.History;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** Patterns cached, most recently used kept. */
    private static final int CACHED_PATTERNS = 10_000;

    private final Handle handle;
    private final HistoryQueries queries;
    private final FindingRecorder recorder;
    private ObservationIndex recorded = new ObservationIndex();
    /**
     * The stored instances of the patterns asked about, so that a crowded pattern is read once per committed batch
     * rather than once per finding. Guarded by {@code cacheLock}: the writer thread drops the patterns a batch changed
     * (and bumps {@code cacheVersion}) right after committing it; a read that raced with a commit is not cached.
     */
    private final Object cacheLock = new Object();
    private final Map<String, List<HistoryQueries.PatternInstance>> cachedPatterns =
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<HistoryQueries.PatternInstance>> eldest) {
                    return size() > CACHED_PATTERNS;
                }
            };
    private long cacheVersion;

    /** A history reading with its own connection and seeing what {@code recorder} (may be null) has not committed yet. */
    StoreHistory(Handle handle, FindingRecorder recorder) {
        this.handle = handle;
        this.queries = new HistoryQueries(handle.getConnection());
        this.recorder = recorder;
    }

    /** On the writer thread, right after {@code index}'s batch committed: what is cached about its patterns is stale. */
    void committed(ObservationIndex index) {
        synchronized (cacheLock) {
            cacheVersion++;
            index.patternKeys().forEach(cachedPatterns::remove);
        }
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
        String key = ObservationIndex.contactKey(subject, remoteIp, port);
        boolean thisRun = thisRunMayHave(key);
        if (thisRun) {
            for (ObservationIndex index : unflushed()) {
                if (index.seenBefore(key, before)) {
                    return true;
                }
            }
        }
        return storeMayHold(thisRun) && queries.seenBefore(subject, remoteIp, port, before);
    }

    @Override
    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        if (type == null || remoteIp == null || at == null || window == null) {
            return new LinkedHashSet<>();
        }
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Set<String> instances = new LinkedHashSet<>();
        String key = ObservationIndex.patternKey(type, remoteIp, port);
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        boolean thisRun = thisRunMayHave(key);
        if (thisRun) {
            for (ObservationIndex index : unflushed()) {
                index.instancesWithPattern(key, fromMillis, toMillis, instances);
            }
        }
        if (!storeMayHold(thisRun)) {
            return instances;
        }
        int fromStore = 0;
        for (HistoryQueries.PatternInstance stored : storedPattern(key, type, remoteIp, port)) {
            if (stored.firstSeen() <= toMillis && stored.lastSeen() >= fromMillis && fromStore < HistoryQueries.MAX_INSTANCES) {
                instances.add(stored.instance());
                fromStore++;
            }
        }
        return instances;
    }

    private List<HistoryQueries.PatternInstance> storedPattern(String key, String type, String remoteIp, Integer port) {
        long version;
        synchronized (cacheLock) {
            List<HistoryQueries.PatternInstance> cached = cachedPatterns.get(key);
            if (cached != null) {
                return cached;
            }
            version = cacheVersion;
        }
        List<HistoryQueries.PatternInstance> read = List.copyOf(queries.patternInstances(type, remoteIp, port));
        synchronized (cacheLock) {
            if (cacheVersion == version) {
                cachedPatterns.put(key, read);
            }
        }
        return read;
    }

    /**
     * Whether a finding of this run may have had the key: most look-ups of an import ask about an endpoint no earlier
     * finding reached, and the findings not committed yet (up to some 30 indexes, one per batch) are searched only for
     * the others (a tenth of the triage thread's CPU before).
     */
    private boolean thisRunMayHave(String key) {
        return recorder == null || recorder.mayHaveAdded(key);
    }

    /** Whether the store may hold history under the key: a first import asks it only about what this run has seen. */
    private boolean storeMayHold(boolean thisRun) {
        return thisRun || recorder == null || !recorder.storeHoldsOnlyWhatWasAdded();
    }

    /** Remembers a finding of this run until the recorder has it in a batch (with a recorder: in the batch being filled). */
    @Override
    public void record(Finding finding) {
        if (recorder != null) {
            recorder.indexForHistory(finding);
        } else {
            recorded.add(finding);
        }
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
