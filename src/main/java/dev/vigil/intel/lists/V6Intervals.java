package dev.vigil.intel.lists;

/**
 * Disjoint IPv6 address intervals, sorted by start, each owned by an entry or by none (a gap). The interval containing
 * an address is the last one starting at or before it, found by binary search over the starts (high and low halves
 * interleaved, so that one comparison reads one cache line). Large indexes first narrow the search with a table over
 * the top 16 bits.
 */
final class V6Intervals {


    /** From this many intervals on, the table over the top 16 bits is used. */
    static final int BUCKETS_FROM = 4096;

    /** Starts, high and low halves interleaved. */
    private final long[] starts;
    private final int[] owners;
    /** For large indexes: one bit per /20 block, set when some owned interval reaches into it (see {@link V4Intervals}). */
    private final long[] occupied;
    /** {@code buckets[b]} is the first interval whose start's top 16 bits are {@code >= b}; null for small indexes. */
    private final int[] buckets;

    /** Starts in ascending order, as high and low halves, and their owners (-1 for a gap); the table and the bitmap from
     *  {@code bucketsFrom} intervals on (tests use both layouts). */
    V6Intervals(long[] highStarts, long[] lowStarts, int[] owners, int bucketsFrom) {
        this.owners = owners;
        this.starts = new long[highStarts.length * 2];
        for (int i = 0; i < highStarts.length; i++) {
            starts[2 * i] = highStarts[i];
            starts[2 * i + 1] = lowStarts[i];
        }
        this.buckets = highStarts.length >= bucketsFrom ? buckets(highStarts) : null;
        this.occupied = highStarts.length >= bucketsFrom ? occupied(highStarts, lowStarts, owners) : null;
    }

    private static long[] occupied(long[] highStarts, long[] lowStarts, int[] owners) {
        long[] blocks = new long[(1 << 20) / 64];
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] < 0) {
                continue;
            }
            int first = (int) (highStarts[i] >>> 44);
            int last = (1 << 20) - 1;
            if (i + 1 < owners.length) {
                long endHigh = lowStarts[i + 1] == 0 ? highStarts[i + 1] - 1 : highStarts[i + 1];
                last = (int) (endHigh >>> 44);
            }
            for (int block = first; block <= last; block++) {
                blocks[block >>> 6] |= 1L << block;
            }
        }
        return blocks;
    }

    private static int[] buckets(long[] highStarts) {
        int[] first = new int[(1 << 16) + 1];
        int interval = 0;
        for (int bucket = 0; bucket <= 1 << 16; bucket++) {
            while (interval < highStarts.length && (int) (highStarts[interval] >>> 48) < bucket) {
                interval++;
            }
            first[bucket] = interval;
        }
        return first;
    }

    /** The entry owning the address {@code high:low}, or -1. */
    int find(long high, long low) {
        if (occupied != null && (occupied[(int) (high >>> 50)] & (1L << (high >>> 44))) == 0) {
            return -1;
        }
        int lo = 0;
        int hi = owners.length - 1;
        if (buckets != null) {
            int bucket = (int) (high >>> 48);
            lo = buckets[bucket];
            hi = buckets[bucket + 1] - 1;
        }
        int found = lo - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int order = Long.compareUnsigned(starts[2 * mid], high);
            if (order == 0) {
                order = Long.compareUnsigned(starts[2 * mid + 1], low);
            }
            if (order <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : owners[found];
    }
}
