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
 * costs what its cache misses cost, so the index is small and a look-up reads few lines, none depending on a
 * comparison. A table over the top 16 bits ({@code firsts}) gives the intervals starting in the address's /16; of
 * those only the low 16 bits of the start are kept ({@code lows}, 2 bytes an interval, a few of them in one cache line),
 * counted without branching. Small indexes binary-search an int array of starts instead of paying 256 KB for the table.
 */
final class V4Intervals {

    /** From this many intervals on, the /16 table is used. */
    static final int BUCKETS_FROM = 4096;

    /**
     * Bucketed: one bit per /20 block of the address space, set when some owned interval reaches into the block. Most
     * addresses looked up are in no list, and at 128 KB the bits mostly stay in the CPU cache: for an address in an
     * empty block the answer costs one cache hit instead of two misses into the megabytes of starts.
     */
    private final long[] occupied;
    /** Bucketed: {@code firsts[b]} is the first interval whose start's top 16 bits are {@code >= b}; null when small. */
    private final int[] firsts;
    /** Bucketed: the low 16 bits of each start. */
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
            this.firsts = IndexTables.firstByTop16(starts.length, i -> starts[i] >>> 16);
            this.lows = new char[starts.length + 16]; // a search reads up to 16 past a bucket's first start
            for (int i = 0; i < starts.length; i++) {
                lows[i] = (char) starts[i];
            }
            this.flippedStarts = null;
            this.occupied = occupied(starts);
        } else {
            this.occupied = null;
            this.firsts = null;
            this.lows = null;
            this.flippedStarts = new int[starts.length];
            for (int i = 0; i < starts.length; i++) {
                flippedStarts[i] = starts[i] ^ 0x80000000;
            }
        }
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
        int owned = ownedInterval(address);
        return owned < 0 ? -1 : owners[owned];
    }

    /** The number of the owned interval containing {@code address} (0 to {@link #ownedIntervals} - 1), or -1. */
    int ownedInterval(int address) {
        if (occupied != null && (occupied[address >>> 18] & (1L << (address >>> 12))) == 0) {
            return -1;
        }
        int interval = firsts != null ? inBucket(address) : searched(address);
        return (interval & 1) == 0 ? -1 : interval >>> 1;
    }

    /** The entry that owns the owned interval {@code owned}. */
    int owner(int owned) {
        return owners[owned];
    }

    int ownedIntervals() {
        return owners.length;
    }

    /**
     * The last interval starting at or before the address, among those starting in its /16. The search takes five
     * steps whatever the bucket holds, and each step adds to the position with arithmetic, not a branch: a branch on the
     * compared values would be mispredicted half the time, and each misprediction throws away the next look-ups the
     * processor had started while this one waited for memory.
     */
    private int inBucket(int address) {
        int bucket = address >>> 16;
        int from = firsts[bucket];
        int size = firsts[bucket + 1] - from;
        if (size > 16) {
            return scanned(from, from + size, address & 0xFFFF);
        }
        int low = address & 0xFFFF;
        char[] starts = lows;
        // count = how many of the bucket's starts are <= low; a probe past the bucket counts as above it
        int count = 0;
        count += ((starts[from + count + 7] - low - 1) & (count + 8 - size - 1)) >>> 31 << 3;
        count += ((starts[from + count + 3] - low - 1) & (count + 4 - size - 1)) >>> 31 << 2;
        count += ((starts[from + count + 1] - low - 1) & (count + 2 - size - 1)) >>> 31 << 1;
        count += ((starts[from + count] - low - 1) & (count + 1 - size - 1)) >>> 31;
        count += ((starts[from + count] - low - 1) & (count + 1 - size - 1)) >>> 31;
        return from - 1 + count;
    }

    private int scanned(int from, int to, int low) {
        int last = from - 1;
        while (last + 1 < to && lows[last + 1] <= low) {
            last++;
        }
        return last;
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
