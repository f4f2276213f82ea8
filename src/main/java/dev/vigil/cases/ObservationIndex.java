package dev.vigil.cases;

import dev.vigil.cases.jdbi.BatchWrite;
import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The history over findings that are not committed yet, kept like the store keeps it ({@code contacts},
 * {@code pattern_instances}): per subject, remote ip and port the earliest contact; per type, remote ip and port each
 * instance with its first and last time seen. Every contact also counts under "any port". Filled by one thread; once
 * handed to the writer it is only read.
 */
final class ObservationIndex {

    private final Map<String, Long> contacts = new HashMap<>();
    private final Map<String, Map<String, long[]>> patterns = new HashMap<>();
    /** Where the hashes of the keys added go too (see {@link RunKeys}); null: nowhere. */
    private final RunKeys runKeys;

    ObservationIndex() {
        this(null);
    }

    ObservationIndex(RunKeys runKeys) {
        this.runKeys = runKeys;
    }

    void add(Finding finding) {
        Instant firstSeen = BatchWrite.firstSeen(finding);
        if (firstSeen == null) {
            return;
        }
        long first = firstSeen.toEpochMilli();
        Instant lastSeen = BatchWrite.lastSeen(finding);
        long last = lastSeen == null ? first : Math.max(first, lastSeen.toEpochMilli());
        String instance = finding.instance().map(i -> i.id()).orElse(null);
        String subject = instance != null ? instance : finding.accountId();
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null) {
                continue;
            }
            for (int port : new int[] {BatchWrite.port(remote.port()), BatchWrite.ANY_PORT}) {
                if (subject != null) {
                    String key = subject + "|" + remote.ip() + "|" + port;
                    contacts.merge(key, first, Math::min);
                    if (runKeys != null) {
                        runKeys.add(key);
                    }
                }
                if (instance != null) {
                    String key = finding.type().name() + "|" + remote.ip() + "|" + port;
                    if (runKeys != null) {
                        runKeys.add(key);
                    }
                    long[] span = patterns.computeIfAbsent(key, k -> new HashMap<>())
                            .computeIfAbsent(instance, k -> new long[] {first, last});
                    span[0] = Math.min(span[0], first);
                    span[1] = Math.max(span[1], last);
                }
            }
        }
    }

    /** The pattern keys ({@code type|ip|port}) this index holds, for invalidating what the history cached about them. */
    java.util.Set<String> patternKeys() {
        return patterns.keySet();
    }

    static String patternKey(String type, String remoteIp, Integer port) {
        return type + "|" + remoteIp + "|" + (port == null ? BatchWrite.ANY_PORT : port);
    }

    static String contactKey(String subject, String remoteIp, Integer port) {
        return subject + "|" + remoteIp + "|" + (port == null ? BatchWrite.ANY_PORT : port);
    }

    /** {@code key}: {@link #contactKey}, made once by the caller for all the indexes it asks. */
    boolean seenBefore(String key, Instant before) {
        Long first = contacts.get(key);
        return first != null && (before == null || first < before.toEpochMilli());
    }

    /** {@code key}: {@link #patternKey}, made once by the caller for all the indexes it asks. */
    void instancesWithPattern(String key, long fromMillis, long toMillis, Collection<String> instances) {
        Map<String, long[]> spans = patterns.get(key);
        if (spans == null) {
            return;
        }
        spans.forEach((instance, span) -> {
            if (span[0] <= toMillis && span[1] >= fromMillis) {
                instances.add(instance);
            }
        });
    }
}
