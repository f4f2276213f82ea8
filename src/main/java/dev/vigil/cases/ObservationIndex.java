package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history look-ups over findings that are not committed yet, by hash instead of by scanning: who reached which
 * remote ip (with port and time), and which instances showed a type to a remote ip. Filled by one thread; once handed
 * to the writer it is only read.
 */
final class ObservationIndex {

    private record Observation(Integer port, String instance, long first, long last) {
    }

    private final Map<String, List<Observation>> bySubject = new HashMap<>();
    private final Map<String, List<Observation>> byPattern = new HashMap<>();

    void add(Finding finding) {
        Instant first = BatchWrite.firstSeen(finding);
        if (first == null) {
            return;
        }
        Instant lastSeen = BatchWrite.lastSeen(finding);
        long last = lastSeen == null || lastSeen.isBefore(first) ? first.toEpochMilli() : lastSeen.toEpochMilli();
        String instance = finding.instance().map(i -> i.id()).orElse(null);
        String subject = instance != null ? instance : finding.accountId();
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null) {
                continue;
            }
            Observation observation = new Observation(remote.port(), instance, first.toEpochMilli(), last);
            if (subject != null) {
                bySubject.computeIfAbsent(subject + "|" + remote.ip(), key -> new ArrayList<>(2)).add(observation);
            }
            if (instance != null) {
                byPattern.computeIfAbsent(finding.type().name() + "|" + remote.ip(), key -> new ArrayList<>(2)).add(observation);
            }
        }
    }

    boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        List<Observation> observations = bySubject.get(subject + "|" + remoteIp);
        if (observations == null) {
            return false;
        }
        for (Observation observation : observations) {
            if ((port == null || port.equals(observation.port()))
                    && (before == null || observation.first() < before.toEpochMilli())) {
                return true;
            }
        }
        return false;
    }

    void instancesWithPattern(String type, String remoteIp, Integer port, Instant from, Instant to,
                              Collection<String> instances) {
        List<Observation> observations = byPattern.get(type + "|" + remoteIp);
        if (observations == null) {
            return;
        }
        for (Observation observation : observations) {
            if ((port == null || port.equals(observation.port())) && observation.first() <= to.toEpochMilli()
                    && observation.last() >= from.toEpochMilli()) {
                instances.add(observation.instance());
            }
        }
    }
}
