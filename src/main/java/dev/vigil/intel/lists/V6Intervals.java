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
        this.buckets = highStarts.length >= bucketsFrom
                ? IndexTables.firstByTop16(highStarts.length, i -> (int) (highStarts[i] >>> 48)) : null;
        this.occupied = highStarts.length >= bucketsFrom ? occupied(highStarts, lowStarts, owners) : null;
    }

    private static long[] occupied(long[] highStarts, long[] lowStarts, int[] owners) {
        long[] blocks = IndexTables.blocks();
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] < 0) {
                continue;
            }
            int first = (int) (highStarts[i] >>> 44);
            int last = IndexTables.BLOCKS - 1;
            if (i + 1 < owners.length) {
                long endHigh = lowStarts[i + 1] == 0 ? highStarts[i + 1] - 1 : highStarts[i + 1];
                last = (int) (endHigh >>> 44);
            }
            IndexTables.mark(blocks, first, last);
        }
        return blocks;
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
