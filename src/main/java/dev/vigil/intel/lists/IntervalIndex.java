package dev.vigil.intel.lists;

/**
 * Disjoint address intervals of one family, sorted by start, each owned by an entry (or by none: a gap).
 * The interval containing an address is the last one starting at or before it, found by binary search.
 * IPv4 starts are kept in an int array (sign-flipped so that signed comparison orders them as unsigned);
 * IPv6 starts in two long arrays.
 */
final class IntervalIndex {

    static final IntervalIndex EMPTY_V4 = new IntervalIndex(new int[0], null, null, new int[0]);
    static final IntervalIndex EMPTY_V6 = new IntervalIndex(null, new long[0], new long[0], new int[0]);

    /** IPv6 starts, high and low halves interleaved. */
    private final long[] v6Starts;
    private final int[] owners;
    /**
     * For large IPv4 indexes: {@code buckets[b]} is the first interval whose start's top 16 bits are {@code >= b}, so a
     * look-up binary-searches only the few intervals starting in its own /16 (one or two cache lines instead of ~18
     * probes over megabytes). Null for small indexes.
     */
    private final int[] buckets;

    static final int BUCKETS_FROM = 4096;

    IntervalIndex(int[] v4Starts, long[] highStarts, long[] lowStarts, int[] owners) {
        this.owners = v4Starts != null ? null : owners;
        if (v4Starts != null) {
            this.buckets = v4Starts.length >= BUCKETS_FROM ? buckets(v4Starts) : null;
            this.v6Starts = null;
        } else {
            this.v6Starts = new long[highStarts.length * 2];
            for (int i = 0; i < highStarts.length; i++) {
                v6Starts[2 * i] = highStarts[i];
                v6Starts[2 * i + 1] = lowStarts[i];
            }
            this.buckets = highStarts.length >= BUCKETS_FROM ? v6Buckets(highStarts) : null;
        }
        if (v4Starts != null) {
            v4Pairs = new int[v4Starts.length * 2];
            for (int i = 0; i < v4Starts.length; i++) {
                v4Pairs[2 * i] = v4Starts[i];
                v4Pairs[2 * i + 1] = owners[i];
            }
        } else {
            v4Pairs = null;
        }
    }

    /** IPv4 starts and owners interleaved ({@code start0, owner0, start1, owner1, ...}): the owner is in the cache line already read. */
    private final int[] v4Pairs;

    private static int[] buckets(int[] starts) {
        int[] first = new int[(1 << 16) + 1];
        int interval = 0;
        for (int bucket = 0; bucket <= 1 << 16; bucket++) {
            while (interval < starts.length && ((starts[interval] ^ 0x80000000) >>> 16) < bucket) {
                interval++;
            }
            first[bucket] = interval;
        }
        return first;
    }

    /** For large IPv6 indexes: the same table over the top 16 bits of the address. */
    private static int[] v6Buckets(long[] highStarts) {
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

    int intervals() {
        return v4Pairs != null ? v4Pairs.length / 2 : owners.length;
    }

    /** The entry owning the address, or -1. For IPv4, {@code high} is ignored and {@code low} is the address. */
    int find(long high, long low) {
        return v4Pairs != null ? findV4((int) (low ^ 0x80000000L)) : findV6(high, low);
    }

    private int findV4(int key) {
        int[] pairs = v4Pairs;
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        if (buckets != null) {
            int bucket = (key ^ 0x80000000) >>> 16;
            lo = buckets[bucket];
            hi = buckets[bucket + 1] - 1;
        }
        int found = lo - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[2 * mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : pairs[2 * found + 1];
    }

    private int findV6(long high, long low) {
        long[] starts = v6Starts;
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
