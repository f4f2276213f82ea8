package dev.vigil.intel;

import dev.vigil.finding.Finding;
import dev.vigil.finding.Instance;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.intel.lists.IpText;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Set;

/**
 * The findings seen earlier in the same run, remembered compactly. Thread-safe: every method holds the history's lock
 * (a run records and asks from one thread, so the lock is never contended; plain tables under it are cheaper than
 * concurrent maps, whose resizing and size counting showed in the profile of a triage run). Keys are numbers in
 * {@link KeyTable}s rather than objects in hash maps, so a look-up misses the cache once or twice, not five times: a
 * canonical IPv4 address and an instance id in GuardDuty's shape are their own numbers; other strings are numbered.
 *
 * <p>What is kept, and the bounds:
 * <ul>
 *   <li>per (subject, remote ip, port) and per (subject, remote ip, any port): only the earliest time seen
 *       (the subject is the instance id, or the account id when the finding has no instance);</li>
 *   <li>per (finding type, remote ip, port) and per (type, remote ip, any port): at most
 *       {@value #MAX_INSTANCES_PER_PATTERN} instances, each with its first and last time seen; when more show up,
 *       the one seen least recently is forgotten;</li>
 *   <li>at most {@code maxKeys} keys in each of the two maps (default {@value #DEFAULT_MAX_KEYS}, some tens of MB when
 *       full); beyond that, new keys are not remembered and {@link #saturated()} says so.</li>
 * </ul>
 * An instance counts as within a window when the span between its first and last time seen overlaps the window.
 * The time of a finding is its event's first and last seen time (else its creation and update time).
 */
public final class InMemoryHistory implements History {

    public static final int MAX_INSTANCES_PER_PATTERN = 256;
    public static final int DEFAULT_MAX_KEYS = 500_000;
    private static final int ANY_PORT = -1;
    /** No ip part: a text without a number. */
    private static final long NONE = -1;
    /** In a contact key's low part: the high part is a subject's number, not an instance id's own. */
    private static final long SUBJECT_NUMBERED = 1L << 61;

    /**
     * The keys each table is sized for at the start (bounded by maxKeys): a run of 100,000 findings makes 130,000 and
     * 104,000. The tables are made at the first finding recorded, not by runs that record none.
     */
    private static final int INITIAL_KEYS = 1 << 17;

    private final int maxKeys;
    /**
     * Subjects, finding types and remote IPs that are not numbers of their own, each numbered from 1. The last few
     * strings asked about are remembered by identity, so that recording a finding after its questions (the same
     * String objects) does not look its strings up again.
     */
    private final HashMap<String, Integer> ids;
    private final String[] recentStrings = new String[4];
    private final int[] recentIds = new int[4];
    private int nextRecent;
    /** (subject, remote ip, port or {@link #ANY_PORT}) -> the earliest time seen, in epoch milliseconds. */
    private KeyTable<Void> earliestContact;
    /** (finding type, remote ip, port or {@link #ANY_PORT}) -> its instances. */
    private KeyTable<PatternInstances> patterns;
    private boolean saturated;

    public InMemoryHistory() {
        this(DEFAULT_MAX_KEYS);
    }

    public InMemoryHistory(int maxKeys) {
        this.maxKeys = maxKeys;
        this.ids = new HashMap<>((int) (Math.min(maxKeys, INITIAL_KEYS) / 0.75f) + 1);
    }

    /** Whether some keys were not remembered because the bound was reached. */
    public synchronized boolean saturated() {
        return saturated;
    }

    @Override
    public synchronized boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null || before == null || earliestContact == null) {
            return false;
        }
        boolean instance = canonicalInstance(subject);
        long subjectPart = instance ? instanceNumber(subject) : id(subject, false);
        long ip = ipPart(remoteIp, false);
        if (!instance && subjectPart == 0 || ip == NONE) {
            return false;
        }
        int slot = earliestContact.find(subjectPart, contactLow(ip, instance), port == null ? ANY_PORT : port);
        return slot >= 0 && earliestContact.longAt(slot) < before.toEpochMilli();
    }

    @Override
    public synchronized Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        if (type == null || remoteIp == null || at == null || window == null || patterns == null) {
            return Set.of();
        }
        int typeId = id(type, false);
        long ip = ipPart(remoteIp, false);
        if (typeId == 0 || ip == NONE) {
            return Set.of();
        }
        int slot = patterns.find(typeId, ip | KeyTable.OCCUPIED, port == null ? ANY_PORT : port);
        if (slot < 0) {
            return Set.of();
        }
        long millis = at.toEpochMilli();
        return patterns.objectAt(slot).within(millis - window.toMillis(), millis + window.toMillis());
    }

    @Override
    public synchronized void record(Finding finding) {
        String subject = subject(finding);
        if (subject == null) {
            return;
        }
        Instant firstTime = firstNonNull(firstNonNull(finding.eventFirstSeen(), finding.createdAt()),
                firstNonNull(finding.updatedAt(), finding.eventLastSeen()));
        Instant lastTime = firstNonNull(firstNonNull(finding.eventLastSeen(), finding.updatedAt()), firstTime);
        if (firstTime == null) {
            return;
        }
        if (earliestContact == null) {
            earliestContact = new KeyTable<>(Math.min(maxKeys, INITIAL_KEYS), false);
            patterns = new KeyTable<>(Math.min(maxKeys, INITIAL_KEYS), true);
        }
        long first = firstTime.toEpochMilli();
        long last = Math.max(first, lastTime.toEpochMilli());
        String type = finding.type().name();
        boolean instance = canonicalInstance(subject);
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null) {
                continue;
            }
            // numbers are handed out only while there is room for new keys (a string without one is in no key), so
            // memory stays bounded once the tables are full; a pattern's instances are kept as strings, not numbers
            boolean contactRoom = earliestContact.size() < maxKeys;
            boolean patternRoom = patterns.size() < maxKeys;
            long ip = ipPart(remote.ip().trim(), contactRoom || patternRoom);
            long subjectPart = instance ? instanceNumber(subject) : id(subject, contactRoom);
            int typeId = id(type, patternRoom);
            if (!instance && subjectPart == 0 || ip == NONE) {
                saturated = true;
            } else {
                long low = contactLow(ip, instance);
                if (remote.port() != null) {
                    rememberContact(subjectPart, low, remote.port(), first);
                }
                rememberContact(subjectPart, low, ANY_PORT, first);
            }
            if (typeId == 0 || ip == NONE) {
                saturated = true;
            } else {
                long low = ip | KeyTable.OCCUPIED;
                if (remote.port() != null) {
                    rememberPattern(typeId, low, remote.port(), subject, first, last);
                }
                rememberPattern(typeId, low, ANY_PORT, subject, first, last);
            }
        }
    }

    /**
     * A contact key's low part: the ip part, and whether the high part is a subject's number rather than an instance
     * id's own ({@link #SUBJECT_NUMBERED}), so that the two never meet.
     */
    private static long contactLow(long ip, boolean instance) {
        return ip | KeyTable.OCCUPIED | (instance ? 0 : SUBJECT_NUMBERED);
    }

    /**
     * Whether {@code subject} is an EC2 instance id in its canonical shape, {@code i-0} and 16 lowercase hex digits
     * (what GuardDuty reports): such an id is its own 64-bit number ({@link #instanceNumber}), with no look-up.
     */
    static boolean canonicalInstance(String subject) {
        if (subject.length() != 19 || !subject.startsWith("i-0")) {
            return false;
        }
        for (int i = 3; i < 19; i++) {
            char c = subject.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The 16 hex digits of a {@link #canonicalInstance canonical} instance id, as a number. */
    static long instanceNumber(String subject) {
        long number = 0;
        for (int i = 3; i < 19; i++) {
            char c = subject.charAt(i);
            number = (number << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return number;
    }

    /**
     * A remote ip as a key's low part: a canonical IPv4 address (four numbers 0-255 without leading zeros, nothing
     * else) is its own number, with no look-up (most ips are); any other text is its string's number with the top
     * bit set, so the two never meet. {@link #NONE} when the text has no number (and {@code assign} is false).
     */
    private long ipPart(String ip, boolean assign) {
        long v4 = IpText.parseV4(ip);
        if (v4 != IpText.NOT_V4) {
            return v4;
        }
        int id = id(ip, assign);
        return id == 0 ? NONE : Long.MIN_VALUE | id;
    }

    /** The number of {@code text}, 0 when it has none (and {@code assign} is false). */
    private int id(String text, boolean assign) {
        for (int i = 0; i < recentStrings.length; i++) {
            if (recentStrings[i] == text) {
                return recentIds[i];
            }
        }
        Integer known = ids.get(text);
        int id;
        if (known != null) {
            id = known;
        } else if (assign) {
            id = ids.size() + 1;
            ids.put(text, id);
        } else {
            return 0;
        }
        recentStrings[nextRecent] = text;
        recentIds[nextRecent] = id;
        nextRecent = (nextRecent + 1) & (recentStrings.length - 1);
        return id;
    }

    private void rememberContact(long high, long low, int port, long time) {
        int slot = earliestContact.find(high, low, port);
        if (slot >= 0) {
            earliestContact.setLong(slot, Math.min(earliestContact.longAt(slot), time));
        } else if (earliestContact.size() >= maxKeys) {
            saturated = true;
        } else {
            earliestContact.setLong(earliestContact.add(high, low, port), time);
        }
    }

    private void rememberPattern(int typeId, long low, int port, String instance, long first, long last) {
        int slot = patterns.find(typeId, low, port);
        PatternInstances pattern;
        if (slot >= 0) {
            pattern = patterns.objectAt(slot);
        } else if (patterns.size() >= maxKeys) {
            saturated = true;
            return;
        } else {
            pattern = new PatternInstances();
            patterns.setObject(patterns.add(typeId, low, port), pattern);
        }
        pattern.add(instance, first, last);
    }

    private static String subject(Finding finding) {
        Instance instance = finding.resource().instance();
        String id = instance == null ? null : instance.id();
        return id != null && !id.isBlank() ? id : finding.accountId();
    }

    /** Of two, the first that is not null (not varargs: an array for every finding recorded). */
    private static Instant firstNonNull(Instant first, Instant second) {
        return first != null ? first : second;
    }

    /**
     * The instances of one pattern with their first and last time. When full, the instance whose last time is the
     * earliest is forgotten (of equal ones, the one that joined the pattern first). Most patterns have one instance only
     * (a run of 100,000 findings makes 103,000 patterns of 132,000 instances): it is kept in fields, and the arrays are
     * made when a second instance joins. The arrays are ordered by instance (found by binary search), so the instances
     * within a window come out sorted, as the verdict lists them, from one pass over contiguous times: walking a tree
     * of spans for it was a tenth of the triage thread.
     */
    private static final class PatternInstances {
        private static final int FIRST_CAPACITY = 4;

        /** The only instance and its times, while there is one; null once the arrays hold them all. */
        private String only;
        private long onlyFirst;
        private long onlyLast;
        /** The instances, sorted, and per instance its first and last time and the order it joined in. */
        private String[] instances;
        private long[] firsts;
        private long[] lasts;
        private long[] arrivals;
        private int size;
        private long arrived;

        void add(String instance, long first, long last) {
            if (instances == null) {
                if (only == null) {
                    only = instance;
                    onlyFirst = first;
                    onlyLast = last;
                    arrived++;
                    return;
                }
                if (only.equals(instance)) {
                    onlyFirst = Math.min(onlyFirst, first);
                    onlyLast = Math.max(onlyLast, last);
                    return;
                }
                instances = new String[FIRST_CAPACITY];
                firsts = new long[FIRST_CAPACITY];
                lasts = new long[FIRST_CAPACITY];
                arrivals = new long[FIRST_CAPACITY];
                instances[0] = only;
                firsts[0] = onlyFirst;
                lasts[0] = onlyLast;
                size = 1;
                only = null;
            }
            int at = Arrays.binarySearch(instances, 0, size, instance);
            if (at >= 0) {
                firsts[at] = Math.min(firsts[at], first);
                lasts[at] = Math.max(lasts[at], last);
                return;
            }
            if (size >= MAX_INSTANCES_PER_PATTERN) {
                forgetLeastRecent();
                at = Arrays.binarySearch(instances, 0, size, instance);
            }
            insert(-at - 1, instance, first, last);
        }

        private void insert(int at, String instance, long first, long last) {
            if (size == instances.length) {
                int capacity = Math.min(MAX_INSTANCES_PER_PATTERN, size * 2);
                instances = Arrays.copyOf(instances, capacity);
                firsts = Arrays.copyOf(firsts, capacity);
                lasts = Arrays.copyOf(lasts, capacity);
                arrivals = Arrays.copyOf(arrivals, capacity);
            }
            int moved = size - at;
            System.arraycopy(instances, at, instances, at + 1, moved);
            System.arraycopy(firsts, at, firsts, at + 1, moved);
            System.arraycopy(lasts, at, lasts, at + 1, moved);
            System.arraycopy(arrivals, at, arrivals, at + 1, moved);
            instances[at] = instance;
            firsts[at] = first;
            lasts[at] = last;
            arrivals[at] = arrived++;
            size++;
        }

        /** Forgets the instance seen least recently (the earliest last time; of equal ones, the first to join). */
        private void forgetLeastRecent() {
            int oldest = 0;
            for (int i = 1; i < size; i++) {
                if (lasts[i] < lasts[oldest] || lasts[i] == lasts[oldest] && arrivals[i] < arrivals[oldest]) {
                    oldest = i;
                }
            }
            int moved = size - oldest - 1;
            System.arraycopy(instances, oldest + 1, instances, oldest, moved);
            System.arraycopy(firsts, oldest + 1, firsts, oldest, moved);
            System.arraycopy(lasts, oldest + 1, lasts, oldest, moved);
            System.arraycopy(arrivals, oldest + 1, arrivals, oldest, moved);
            size--;
            instances[size] = null;
        }

        /** The instances whose span overlaps [from, to], sorted. */
        Set<String> within(long from, long to) {
            if (instances == null) {
                return onlyFirst <= to && onlyLast >= from ? Set.of(only) : Set.of();
            }
            // counted first: a pattern holds up to 256 instances, and a window mostly finds one or two of them
            int count = 0;
            int last = -1;
            for (int i = 0; i < size; i++) {
                if (firsts[i] <= to && lasts[i] >= from) {
                    count++;
                    last = i;
                }
            }
            if (count <= 1) {
                return count == 0 ? Set.of() : Set.of(instances[last]);
            }
            String[] found = new String[count];
            int at = 0;
            for (int i = 0; at < count; i++) {
                if (firsts[i] <= to && lasts[i] >= from) {
                    found[at++] = instances[i];
                }
            }
            return new SortedInstances(found, count);
        }
    }

    /** Distinct instance ids in order, as a set (no tree to build for a list that is sorted already). Immutable. */
    private static final class SortedInstances extends AbstractSet<String> {
        private final String[] instances;
        private final int size;

        SortedInstances(String[] instances, int size) {
            this.instances = instances;
            this.size = size;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.asList(instances).subList(0, size).iterator();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object other) {
            return other instanceof String text && Arrays.binarySearch(instances, 0, size, text) >= 0;
        }
    }
}
