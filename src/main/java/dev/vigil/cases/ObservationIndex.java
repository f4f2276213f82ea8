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
    /**
     * Per pattern key, its instance's {@link Span}, or {@link Spans} when more than one instance has the pattern: nearly
     * every pattern has one, and these indexes live until their batch commits (seconds, through several collections),
     * so a map per pattern cost the collector as much as the triage thread.
     */
    private final Map<String, Object> patterns = new HashMap<>();
    /** Where the hashes of the keys added go too (see {@link RunKeys}); null: nowhere. */
    private final RunKeys runKeys;

    /** One instance's first and last time seen with a pattern. */
    private static final class Span {
        final String instance;
        long first;
        long last;

        Span(String instance, long first, long last) {
            this.instance = instance;
            this.first = first;
            this.last = last;
        }
    }

    /** The spans of a pattern's instances, by instance. */
    private static final class Spans extends HashMap<String, Span> {
    }

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
        String type = finding.type().name();
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null) {
                continue;
            }
            add(subject, instance, type, remote.ip(), BatchWrite.port(remote.port()), first, last);
            add(subject, instance, type, remote.ip(), BatchWrite.ANY_PORT, first, last);
        }
    }

    private void add(String subject, String instance, String type, String ip, int port, long first, long last) {
        if (subject != null) {
            String key = subject + "|" + ip + "|" + port;
            contacts.merge(key, first, Math::min);
            if (runKeys != null) {
                runKeys.add(key);
            }
        }
        if (instance != null) {
            String key = type + "|" + ip + "|" + port;
            if (runKeys != null) {
                runKeys.add(key);
            }
            Span span = span(key, instance, first, last);
            span.first = Math.min(span.first, first);
            span.last = Math.max(span.last, last);
        }
    }

    /** The span of this instance under the pattern key, made (from first to last) when it has none. */
    private Span span(String key, String instance, long first, long last) {
        Object held = patterns.get(key);
        if (held == null) {
            Span span = new Span(instance, first, last);
            patterns.put(key, span);
            return span;
        }
        Spans spans;
        if (held instanceof Span only) {
            if (only.instance.equals(instance)) {
                return only;
            }
            spans = new Spans();
            spans.put(only.instance, only);
            patterns.put(key, spans);
        } else {
            spans = (Spans) held;
        }
        Span span = spans.get(instance);
        if (span == null) {
            span = new Span(instance, first, last);
            spans.put(instance, span);
        }
        return span;
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
        Object held = patterns.get(key);
        if (held instanceof Span only) {
            addIfOverlapping(only, fromMillis, toMillis, instances);
        } else if (held != null) {
            for (Span span : ((Spans) held).values()) {
                addIfOverlapping(span, fromMillis, toMillis, instances);
            }
        }
    }

    private static void addIfOverlapping(Span span, long fromMillis, long toMillis, Collection<String> instances) {
        if (span.first <= toMillis && span.last >= fromMillis) {
            instances.add(span.instance);
        }
    }
}
