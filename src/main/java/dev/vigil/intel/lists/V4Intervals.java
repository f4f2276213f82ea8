package dev.vigil.intel.lists;

import java.util.Arrays;

/**
 * Disjoint IPv4 address intervals, sorted by start, each owned by an entry or by none (a gap). The interval containing
 * an address is the last one starting at or before it.
 *
 * <p>Gaps and owned intervals alternate: the first interval is a gap from 0.0.0.0, and where two owned intervals meet
 * (a /32 inside a /24) an empty gap with the same start goes between them. So whether an address is in some entry is
 * the parity of its interval's number, and only a match reads {@code owners} (which holds the owned intervals only).
 *
 * <p>Large indexes are laid out for look-ups that miss the CPU caches: with hundreds of thousands of intervals a look-up
 * costs what its cache misses cost, and a miss that must wait for another (a table giving where to read next) costs
 * twice. So the intervals starting in each /16 are kept in a fixed-size record of 32 bytes ({@code records}), found by
 * the address alone: where its intervals begin, how many there are, and up to {@value #INLINE} of their starts' low 16
 * bits, counted without branching. A look-up into an occupied /16 reads one record, one cache line. The few buckets
 * with more intervals search all the starts' low bits ({@code lows}). Small indexes binary-search an int array of
 * starts instead of paying 2 MB for the records.
 */
final class V4Intervals {

    /** From this many intervals on, the /16 records are used. */
    static final int BUCKETS_FROM = 4096;
    /** Chars per /16 record: the first interval (2 chars), the count (1), the starts (13). */
    private static final int RECORD = 16;
    /** Starts kept in a record; a bucket with more is searched in {@code lows}. */
    static final int INLINE = 13;
    /**
     * Where record 0 begins: 8 chars (16 bytes) after the array's 16-byte header, so that when the array starts on a
     * cache line, as G1 places an array of this size (a humongous object starts a region), no record spans two lines.
     */
    private static final int PAD = 8;

    /**
     * Bucketed: one bit per /20 block of the address space, set when some owned interval reaches into the block. Most
     * addresses looked up are in no list, and at 128 KB the bits mostly stay in the CPU cache: for an address in an
     * empty block the answer costs one cache hit instead of a miss into the megabytes of records.
     */
    private final long[] occupied;
    /**
     * Bucketed: the record of /16 {@code b} at {@code PAD + RECORD * b}: the number of the first interval whose start's
     * top 16 bits are {@code >= b} (high and low chars), the count of intervals starting in the /16 (at most 0xFFFF,
     * which stands for "more"), then the low 16 bits of the first {@value #INLINE} starts. Record 65,536 holds the total
     * count as its first interval. Null when small.
     */
    private final char[] records;
    /** Bucketed: the low 16 bits of each start, searched for the buckets with more than {@value #INLINE}. */
    private final char[] lows;
    /** Small: the starts, sign-flipped so that signed comparison orders them as unsigned. */
    private final int[] flippedStarts;
    /** The owner of interval {@code 2 * i + 1}. */
    private final int[] owners;

    /**
     * {@code starts} (unsigned 32-bit values in ascending order, the first one 0) and their owners: gaps at even
     * positions, {@code owners[i]} owns the interval at {@code 2 * i + 1}.
     */
    V4Intervals(int[] starts, int[] owners, int bucketsFrom) {
        this.owners = owners;
        if (starts.length >= bucketsFrom) {
            this.lows = new char[starts.length];
            for (int i = 0; i < starts.length; i++) {
                lows[i] = (char) starts[i];
            }
            this.records = records(starts, IndexTables.firstByTop16(starts.length, i -> starts[i] >>> 16));
            this.flippedStarts = null;
            this.occupied = occupied(starts);
        } else {
            this.occupied = null;
            this.records = null;
            this.lows = null;
            this.flippedStarts = new int[starts.length];
            for (int i = 0; i < starts.length; i++) {
                flippedStarts[i] = starts[i] ^ 0x80000000;
            }
        }
    }

    private static char[] records(int[] starts, int[] firsts) {
        char[] records = new char[PAD + RECORD * firsts.length];
        for (int bucket = 0; bucket < firsts.length; bucket++) {
            int at = PAD + RECORD * bucket;
            int first = firsts[bucket];
            int count = bucket + 1 < firsts.length ? firsts[bucket + 1] - first : 0;
            records[at] = (char) (first >>> 16);
            records[at + 1] = (char) first;
            records[at + 2] = (char) Math.min(count, 0xFFFF);
            for (int i = 0; i < Math.min(count, INLINE); i++) {
                records[at + 3 + i] = (char) starts[first + i];
            }
        }
        return records;
    }

    private static long[] occupied(int[] starts) {
        long[] blocks = IndexTables.blocks();
        for (int owned = 1; owned < starts.length; owned += 2) {
            int first = starts[owned] >>> 12;
            int last = owned + 1 < starts.length ? (starts[owned + 1] - 1) >>> 12 : IndexTables.BLOCKS - 1;
            IndexTables.mark(blocks, first, last);
        }
        return blocks;
    }

    /** The entry owning {@code address} (its unsigned 32 bits), or -1. */
    int find(int address) {
        int slot = slot(address);
        return slot == 0 ? -1 : owners[slot - 1];
    }

    /**
     * 0 when no entry owns {@code address}, else 1 + the number of the owned interval containing it (so at most
     * {@link #ownedIntervals}). Whether the interval found is a gap or owned is worked out with arithmetic, not a
     * branch: the interval comes from a cache miss, and a branch on it is decided only when it arrives, predicted wrong
     * about as often as an address is in a list, each time throwing away the next look-ups the processor had begun.
     */
    int slot(int address) {
        int interval;
        if (records == null) {
            interval = searched(address);
        } else if ((occupied[address >>> 18] & (1L << (address >>> 12))) == 0) {
            return 0;
        } else {
            interval = inBucket(address >>> 16, address & 0xFFFF);
        }
        return ((interval >>> 1) + 1) & -(interval & 1);
    }

    /** The entry that owns the owned interval {@code owned}. */
    int owner(int owned) {
        return owners[owned];
    }

    int ownedIntervals() {
        return owners.length;
    }

    /**
     * The last interval starting at or before the address, found from its /16's record. The count of the record's
     * starts at or below {@code low} takes four steps whatever the record holds, each adding to it with arithmetic, not
     * a branch; a step past the record's count reads its last slot and is masked out.
     */
    private int inBucket(int bucket, int low) {
        char[] record = records;
        int at = PAD + RECORD * bucket;
        int from = record[at] << 16 | record[at + 1];
        int size = record[at + 2];
        if (size > INLINE) {
            return inLows(from, record[at + RECORD] << 16 | record[at + RECORD + 1], low);
        }
        int slots = at + 3;
        int count = 0;
        count += ((record[slots + count + 7] - low - 1) & (count + 8 - size - 1)) >>> 31 << 3;
        count += ((record[slots + count + 3] - low - 1) & (count + 4 - size - 1)) >>> 31 << 2;
        count += ((record[slots + Math.min(count + 1, INLINE - 1)] - low - 1) & (count + 2 - size - 1)) >>> 31 << 1;
        count += ((record[slots + Math.min(count, INLINE - 1)] - low - 1) & (count + 1 - size - 1)) >>> 31;
        return from - 1 + count;
    }

    /** The last of the starts {@code [from, to)} (all in one /16) at or below {@code low}, or {@code from - 1}. */
    private int inLows(int from, int to, int low) {
        int lo = from;
        int hi = to - 1;
        int found = from - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lows[mid] <= low) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The last interval starting at or before the address (the first one starts at 0, so there always is one). */
    private int searched(int address) {
        int key = address ^ 0x80000000;
        int[] starts = flippedStarts;
        int lo = 0;
        int hi = starts.length - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Collects the intervals in address order and makes the alternating form. */
    static final class Builder {
        private int[] starts = new int[16];
        private int[] owners = new int[8];
        private int size;

        Builder() {
            starts[size++] = 0; // the gap from 0.0.0.0
        }

        /** The interval from {@code start} on is owned by {@code owner} (-1: a gap); starts come in ascending order. */
        void add(int start, int owner) {
            boolean lastOwned = (size & 1) == 0;
            if (owner < 0) {
                if (lastOwned) {
                    append(start);
                }
                return;
            }
            if (lastOwned) {
                append(start); // an empty gap between two owners
            }
            append(start);
            int index = (size - 1) >>> 1;
            if (index == owners.length) {
                owners = Arrays.copyOf(owners, index * 2);
            }
            owners[index] = owner;
        }

        private void append(int start) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
            }
            starts[size++] = start;
        }

        V4Intervals build(int bucketsFrom) {
            return new V4Intervals(Arrays.copyOf(starts, size), Arrays.copyOf(owners, size >>> 1),
                    bucketsFrom);
        }
    }
}
