package dev.vigil.intel.lists;

/**
 * Disjoint IPv4 address intervals, sorted by start, each owned by an entry or by none (a gap). The interval containing
 * an address is the last one starting at or before it.
 *
 * <p>Large indexes are laid out for look-ups that miss the CPU caches: with hundreds of thousands of intervals a look-up
 * costs what its cache misses cost, so the index is small and a look-up reads few lines, none depending on a
 * comparison. A table over the top 16 bits ({@code firsts}) gives the intervals starting in the address's /16; of
 * those only the low 16 bits of the start are kept ({@code lows}, 2 bytes an interval, a few of them in one cache line),
 * counted without branching; a bit per interval ({@code owned}, small enough to stay cached) says whether it is a gap,
 * and only a match reads {@code owners}. Six lists of 250,000 entries take about 7 MB this way instead of 23 MB.
 * Small indexes binary-search an int array of starts instead of paying 256 KB for the table.
 */
final class V4Intervals {


    /** From this many intervals on, the /16 table is used. */
    static final int BUCKETS_FROM = 4096;

    /** Bucketed: {@code firsts[b]} is the first interval whose start's top 16 bits are {@code >= b}; null when small. */
    private final int[] firsts;
    /** Bucketed: the low 16 bits of each start. */
    private final char[] lows;
    /** Small: the starts, sign-flipped so that signed comparison orders them as unsigned. */
    private final int[] flippedStarts;
    /** Bit {@code i} is set when interval {@code i} has an owner. */
    private final long[] owned;
    private final int[] owners;

    /** {@code starts} (unsigned 32-bit values in ascending order) and their {@code owners} (-1 for a gap). */
    V4Intervals(int[] starts, int[] owners) {
        this(starts, owners, BUCKETS_FROM);
    }

    /** As {@link #V4Intervals(int[], int[])}, with the table from {@code bucketsFrom} intervals on (tests use both layouts). */
    V4Intervals(int[] starts, int[] owners, int bucketsFrom) {
        this.owners = owners;
        this.owned = new long[(owners.length + 63) >>> 6];
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] >= 0) {
                owned[i >>> 6] |= 1L << i;
            }
        }
        if (starts.length >= bucketsFrom) {
            this.firsts = firsts(starts);
            this.lows = new char[starts.length];
            for (int i = 0; i < starts.length; i++) {
                lows[i] = (char) starts[i];
            }
            this.flippedStarts = null;
        } else {
            this.firsts = null;
            this.lows = null;
            this.flippedStarts = new int[starts.length];
            for (int i = 0; i < starts.length; i++) {
                flippedStarts[i] = starts[i] ^ 0x80000000;
            }
        }
    }

    private static int[] firsts(int[] starts) {
        int[] first = new int[(1 << 16) + 1];
        int interval = 0;
        for (int bucket = 0; bucket <= 1 << 16; bucket++) {
            while (interval < starts.length && (starts[interval] >>> 16) < bucket) {
                interval++;
            }
            first[bucket] = interval;
        }
        return first;
    }

    /** The entry owning {@code address} (its unsigned 32 bits), or -1. */
    int find(int address) {
        int interval = firsts != null ? inBucket(address) : searched(address);
        if (interval < 0 || (owned[interval >>> 6] & (1L << interval)) == 0) {
            return -1;
        }
        return owners[interval];
    }

    /**
     * Counts the starts in the address's /16 that are at or below it. A count has no branch that depends on the
     * compared values, so the processor does not stall on a misprediction and goes on to the next look-up's loads
     * while this one's are still on their way.
     */
    private int inBucket(int address) {
        int bucket = address >>> 16;
        int from = firsts[bucket];
        int to = firsts[bucket + 1];
        int low = address & 0xFFFF;
        int last = from - 1;
        for (int i = from; i < to; i++) {
            last += lows[i] <= low ? 1 : 0;
        }
        return last;
    }

    private int searched(int address) {
        int key = address ^ 0x80000000;
        int[] starts = flippedStarts;
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
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
}
