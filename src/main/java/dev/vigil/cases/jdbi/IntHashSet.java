package dev.vigil.cases.jdbi;

/**
 * A set of ints (string hashes, here), open addressing: a boxed {@code HashSet} would hold 50 bytes per value, and an
 * import adds a few per finding. For one thread.
 */
public final class IntHashSet {

    private int[] slots = new int[1 << 12];
    /** Whether the set holds 0, which marks a free slot. */
    private boolean zero;
    private int size;

    public boolean contains(int value) {
        if (value == 0) {
            return zero;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
        }
        return false;
    }

    public void add(int value) {
        if (value == 0) {
            zero = true;
            return;
        }
        if (insert(slots, value)) {
            size++;
            if (size * 2 > slots.length) {
                int[] grown = new int[slots.length * 2];
                for (int slot : slots) {
                    if (slot != 0) {
                        insert(grown, slot);
                    }
                }
                slots = grown;
            }
        }
    }

    /** How many values the set holds. */
    public int size() {
        return size + (zero ? 1 : 0);
    }

    private static boolean insert(int[] slots, int value) {
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return false;
            }
        }
        slots[i] = value;
        return true;
    }

    /** Spreads the bits of a string hash, whose low bits are poor for similar strings. */
    private static int mix(int value) {
        int mixed = value * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
