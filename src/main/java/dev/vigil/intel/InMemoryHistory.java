package dev.vigil.intel;

import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The findings seen earlier in the same run, remembered compactly. Thread-safe.
 *
 * <p>What is kept, and the bounds:
 * <ul>
 *   <li>per (subject, remote ip, port) and per (subject, remote ip, any port): only the earliest time seen
 *       (the subject is the instance id, or the account id when the finding has no instance);</li>
 *   <li>per (finding type, remote ip, port) and per (type, remote ip, any port): at most
 *       {@value #MAX_INSTANCES_PER_PATTERN} instances, each with its first and last time seen; when more show up,
 *       the one seen least recently is forgotten;</li>
 *   <li>at most {@code maxKeys} keys in each of the two maps (default {@value #DEFAULT_MAX_KEYS}, about 70 MB each when
 *       full); beyond that, new keys are not remembered and {@link #saturated()} says so.</li>
 * </ul>
 * An instance counts as within a window when the span between its first and last time seen overlaps the window.
 * The time of a finding is its event's first and last seen time (else its creation and update time).
 */
public final class InMemoryHistory implements History {

    public static final int MAX_INSTANCES_PER_PATTERN = 256;
    public static final int DEFAULT_MAX_KEYS = 500_000;
    private static final int ANY_PORT = -1;

    private final int maxKeys;
    private final ConcurrentHashMap<String, Long> earliestContact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PatternInstances> patterns = new ConcurrentHashMap<>();
    private final AtomicBoolean saturated = new AtomicBoolean();

    public InMemoryHistory() {
        this(DEFAULT_MAX_KEYS);
    }

    public InMemoryHistory(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Whether some keys were not remembered because the bound was reached. */
    public boolean saturated() {
        return saturated.get();
    }

    @Override
    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null || before == null) {
            return false;
        }
        Long earliest = earliestContact.get(key(subject, remoteIp, port == null ? ANY_PORT : port));
        return earliest != null && earliest < before.toEpochMilli();
    }

    @Override
    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        Set<String> instances = new TreeSet<>();
        if (type == null || remoteIp == null || at == null || window == null) {
            return instances;
        }
        PatternInstances pattern = patterns.get(key(type, remoteIp, port == null ? ANY_PORT : port));
        if (pattern != null) {
            long millis = at.toEpochMilli();
            pattern.within(millis - window.toMillis(), millis + window.toMillis(), instances);
        }
        return instances;
    }

    @Override
    public void record(Finding finding) {
        String subject = subject(finding);
        if (subject == null) {
            return;
        }
        Instant firstTime = firstNonNull(finding.eventFirstSeen(), finding.createdAt(), finding.updatedAt(),
                finding.eventLastSeen());
        Instant lastTime = firstNonNull(finding.eventLastSeen(), finding.updatedAt(), firstTime);
        if (firstTime == null) {
            return;
        }
        long first = firstTime.toEpochMilli();
        long last = Math.max(first, lastTime.toEpochMilli());
        String type = finding.type().name();
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null) {
                continue;
            }
            String ip = remote.ip().trim();
            for (int port : remote.port() == null ? new int[] {ANY_PORT} : new int[] {remote.port(), ANY_PORT}) {
                rememberContact(key(subject, ip, port), first);
                rememberPattern(key(type, ip, port), subject, first, last);
            }
        }
    }

    private void rememberContact(String key, long time) {
        if (earliestContact.size() >= maxKeys && !earliestContact.containsKey(key)) {
            saturated.set(true);
            return;
        }
        earliestContact.merge(key, time, Math::min);
    }

    private void rememberPattern(String key, String instance, long first, long last) {
        PatternInstances pattern = patterns.get(key);
        if (pattern == null) {
            if (patterns.size() >= maxKeys) {
                saturated.set(true);
                return;
            }
            pattern = patterns.computeIfAbsent(key, unused -> new PatternInstances());
        }
        pattern.add(instance, first, last);
    }

    private static String subject(Finding finding) {
        return finding.instance().map(dev.vigil.finding.Instance::id).filter(id -> id != null && !id.isBlank())
                .orElse(finding.accountId());
    }

    private static String key(String first, String ip, int port) {
        return first + '|' + ip + '|' + port;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The instances of one pattern with their first and last time, least recently seen first. */
    private static final class PatternInstances {
        private final LinkedHashMap<String, long[]> spans = new LinkedHashMap<>();

        synchronized void add(String instance, long first, long last) {
            long[] span = spans.get(instance);
            if (span == null) {
                if (spans.size() >= MAX_INSTANCES_PER_PATTERN) {
                    evictLeastRecent();
                }
                spans.put(instance, new long[] {first, last});
            } else {
                span[0] = Math.min(span[0], first);
                span[1] = Math.max(span[1], last);
            }
        }

        private void evictLeastRecent() {
            String oldest = null;
            long oldestLast = Long.MAX_VALUE;
            for (Map.Entry<String, long[]> entry : spans.entrySet()) {
                if (entry.getValue()[1] < oldestLast) {
                    oldest = entry.getKey();
                    oldestLast = entry.getValue()[1];
                }
            }
            spans.remove(oldest);
        }

        synchronized void within(long from, long to, Set<String> into) {
            for (Iterator<Map.Entry<String, long[]>> it = spans.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, long[]> entry = it.next();
                long[] span = entry.getValue();
                if (span[0] <= to && span[1] >= from) {
                    into.add(entry.getKey());
                }
            }
        }
    }
}
