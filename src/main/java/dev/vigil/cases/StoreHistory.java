package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.cases.jdbi.HistoryQueries;
import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.intel.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The triage history backed by the case store, so that it holds across runs: yesterday's import makes today's repeat
 * {@code expected}. It answers from the stored observations plus the findings of this run that are not committed yet
 * (those recorded here and those the recorder has not committed). Call it from the thread that adds to the recorder.
 */
public final class StoreHistory implements History, AutoCloseable {

    private final Handle handle;
    private final FindingRecorder recorder;
    private final List<Finding> recorded = new ArrayList<>();

    /** A history reading with its own connection and seeing what {@code recorder} (may be null) has not committed yet. */
    StoreHistory(Handle handle, FindingRecorder recorder) {
        this.handle = handle;
        this.recorder = recorder;
    }

    /** The recorder has taken every finding recorded so far into a batch: its uncommitted findings cover them now. */
    void forgetRecorded() {
        recorded.clear();
    }

    @Override
    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        for (Finding finding : unflushed()) {
            if (Objects.equals(subject(finding), subject) && firstSeenBefore(finding, before)
                    && reaches(finding, remoteIp, port)) {
                return true;
            }
        }
        return new HistoryQueries(handle).seenBefore(subject, remoteIp, port, before);
    }

    @Override
    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Set<String> instances = new LinkedHashSet<>();
        // the findings not committed yet first: a batch committing meanwhile is then seen by the query that follows
        for (Finding finding : unflushed()) {
            String instance = finding.instance().map(i -> i.id()).orElse(null);
            if (instance != null && finding.type().name().equals(type) && reaches(finding, remoteIp, port)
                    && overlaps(finding, from, to)) {
                instances.add(instance);
            }
        }
        instances.addAll(new HistoryQueries(handle).instancesWithPattern(type, remoteIp, port, from, to));
        return instances;
    }

    /** Remembers a finding of this run until the recorder commits it (the store then has it). */
    @Override
    public void record(Finding finding) {
        recorded.add(finding);
    }

    private List<Finding> unflushed() {
        if (recorder == null) {
            return recorded;
        }
        List<Finding> all = recorder.uncommittedFindings();
        all.addAll(recorded);
        return all;
    }

    private static String subject(Finding finding) {
        String instance = finding.instance().map(i -> i.id()).orElse(null);
        return instance != null ? instance : finding.accountId();
    }

    private static boolean reaches(Finding finding, String remoteIp, Integer port) {
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remoteIp.equals(remote.ip()) && (port == null || port.equals(remote.port()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstSeenBefore(Finding finding, Instant before) {
        Instant first = BatchWrite.firstSeen(finding);
        return before == null || first != null && first.isBefore(before);
    }

    private static boolean overlaps(Finding finding, Instant from, Instant to) {
        Instant first = BatchWrite.firstSeen(finding);
        Instant last = BatchWrite.lastSeen(finding);
        return first != null && !first.isAfter(to) && (last == null ? first : last).compareTo(from) >= 0;
    }

    @Override
    public void close() {
        handle.close();
    }
}
