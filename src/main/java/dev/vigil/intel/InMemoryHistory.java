package dev.vigil.intel;

import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings seen earlier in the same run, remembered compactly. Thread-safe: every method holds the history's lock
 * (a run records and asks from one thread, so the lock is never contended; plain hash maps under it are cheaper than
 * concurrent maps, whose resizing and size counting showed in the profile of a triage run).
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

    /**
     * The keys each map is sized for at the start (bounded by maxKeys): a run of 100,000 findings makes 130,000 and
     * 104,000, and growing a map there from the default size rehashed it 14 times (3 % of the triage thread). The
     * tables are made at the first finding recorded (1 MB each), not by runs that record none.
     */
    private static final int INITIAL_KEYS = 1 << 17;

    private final int maxKeys;
    private final HashMap<Key, Long> earliestContact;
    private final HashMap<Key, PatternInstances> patterns;
    private boolean saturated;

    public InMemoryHistory() {
        this(DEFAULT_MAX_KEYS);
    }

    public InMemoryHistory(int maxKeys) {
        this.maxKeys = maxKeys;
        int capacity = (int) (Math.min(maxKeys, INITIAL_KEYS) / 0.75f) + 1;
        this.earliestContact = new HashMap<>(capacity);
        this.patterns = new HashMap<>(capacity);
    }

    /** Whether some keys were not remembered because the bound was reached. */
    public synchronized boolean saturated() {
        return saturated;
    }

    @Override
    public synchronized boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null || before == null) {
            return false;
        }
        Long earliest = earliestContact.get(key(subject, remoteIp, port == null ? ANY_PORT : port));
        return earliest != null && earliest < before.toEpochMilli();
    }

    @Override
    public synchronized Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
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
    public synchronized void record(Finding finding) {
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

    private void rememberContact(Key key, long time) {
        if (earliestContact.size() >= maxKeys && !earliestContact.containsKey(key)) {
            saturated = true;
            return;
        }
        earliestContact.merge(key, time, Math::min);
    }

    private void rememberPattern(Key key, String instance, long first, long last) {
        PatternInstances pattern = patterns.get(key);
        if (pattern == null) {
            if (patterns.size() >= maxKeys) {
                saturated = true;
                return;
            }
            pattern = new PatternInstances();
            patterns.put(key, pattern);
        }
        pattern.add(instance, first, last);
    }

    private static String subject(Finding finding) {
        return finding.instance().map(dev.vigil.finding.Instance::id).filter(id -> id != null && !id.isBlank())
                .orElse(finding.accountId());
    }

    private static Key key(String first, String ip, int port) {
        return new Key(first, ip, port);
    }

    /** (subject or finding type, remote ip, port or {@link #ANY_PORT}): cheaper to build and hash than a joined string. */
    private record Key(String first, String ip, int port) {
        // written out: a record's generated equals and hashCode go through method handles, slow in C1-compiled code,
        // and a run calls them several times per finding
        @Override
        public int hashCode() {
            return (first.hashCode() * 31 + ip.hashCode()) * 31 + port;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && port == key.port && first.equals(key.first) && ip.equals(key.ip);
        }
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

    /**
     * The instances of one pattern with their first and last time. When full, the instance whose last time is the
     * earliest is forgotten (of equal ones, the one that joined the pattern first), found in O(log n) through an index
     * ordered by (last time, arrival). Most patterns never fill up: the index is only built when one does. Most have
     * one instance only (a run of 100,000 findings makes 103,000 patterns of 132,000 instances): that one is kept in a
     * field, and the map is made when a second instance joins, which saves a map per pattern to make, fill and walk.
     */
    private static final class PatternInstances {
        private static final Comparator<Span> LEAST_RECENT_FIRST =
                Comparator.<Span>comparingLong(span -> span.last).thenComparingLong(span -> span.arrival);

        /** The only instance, while there is one; null once {@link #spans} holds them all. */
        private Span only;
        private HashMap<String, Span> spans;
        private TreeSet<Span> byLastSeen;
        private long arrivals;

        void add(String instance, long first, long last) {
            if (spans == null) {
                if (only == null) {
                    only = new Span(instance, first, last, arrivals++);
                    return;
                }
                if (only.instance.equals(instance)) {
                    only.first = Math.min(only.first, first);
                    only.last = Math.max(only.last, last);
                    return;
                }
                spans = new HashMap<>(4);
                spans.put(only.instance, only);
                only = null;
            }
            Span span = spans.get(instance);
            if (span == null) {
                if (spans.size() >= MAX_INSTANCES_PER_PATTERN) {
                    if (byLastSeen == null) {
                        byLastSeen = new TreeSet<>(LEAST_RECENT_FIRST);
                        byLastSeen.addAll(spans.values());
                    }
                    spans.remove(byLastSeen.pollFirst().instance);
                }
                span = new Span(instance, first, last, arrivals++);
                spans.put(instance, span);
                if (byLastSeen != null) {
                    byLastSeen.add(span);
                }
            } else {
                span.first = Math.min(span.first, first);
                if (last > span.last) {
                    if (byLastSeen != null) {
                        byLastSeen.remove(span);
                        span.last = last;
                        byLastSeen.add(span);
                    } else {
                        span.last = last;
                    }
                }
            }
        }

        /** Once the index exists, only the spans whose last time is at or after {@code from} are looked at. */
        void within(long from, long to, Set<String> into) {
            if (spans == null) {
                if (only != null && only.first <= to && only.last >= from) {
                    into.add(only.instance);
                }
                return;
            }
            Iterable<Span> candidates = byLastSeen == null ? spans.values()
                    : byLastSeen.tailSet(new Span(null, Long.MIN_VALUE, from, Long.MIN_VALUE), true);
            for (Span span : candidates) {
                if (span.first <= to && span.last >= from) {
                    into.add(span.instance);
                }
            }
        }
    }

    /** One instance's first and last time within a pattern; {@code arrival} orders ties by who joined first. */
    private static final class Span {
        final String instance;
        final long arrival;
        long first;
        long last;

        Span(String instance, long first, long last, long arrival) {
            this.instance = instance;
            this.first = first;
            this.last = last;
            this.arrival = arrival;
        }
    }
}
