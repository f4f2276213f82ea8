package dev.vigil.intel.lists;

import java.util.function.IntUnaryOperator;

/** The look-up tables both address families build in front of their sorted interval starts, once, at load. */
final class IndexTables {

    /** Blocks of the occupied-block bitmaps: the top 20 bits of an address. */
    static final int BLOCKS = 1 << 20;

    private IndexTables() {
    }

    /**
     * For each value {@code b} of an address's top 16 bits, the first of {@code count} sorted intervals whose start's top
     * 16 bits ({@code top16.applyAsInt(i)}) are {@code >= b}; entry 65,536 is {@code count}.
     */
    static int[] firstByTop16(int count, IntUnaryOperator top16) {
        int[] first = new int[(1 << 16) + 1];
        int interval = 0;
        for (int bucket = 0; bucket <= 1 << 16; bucket++) {
            while (interval < count && top16.applyAsInt(interval) < bucket) {
                interval++;
            }
            first[bucket] = interval;
        }
        return first;
    }

    /** An empty bitmap of {@link #BLOCKS} blocks. */
    static long[] blocks() {
        return new long[BLOCKS / 64];
    }

    /** Marks blocks {@code first} to {@code last} (inclusive) as occupied. */
    static void mark(long[] blocks, int first, int last) {
        for (int block = first; block <= last; block++) {
            blocks[block >>> 6] |= 1L << block;
        }
    }
}
