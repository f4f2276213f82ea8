package dev.vigil.intel;

/**
 * An open-addressing hash table keyed by (two longs, a port), for {@link InMemoryHistory}: a key is two longs and an
 * int in parallel arrays, so a look-up reads one or two cache lines instead of following a node, a key object and its
 * strings, as a {@code HashMap} of record keys did (the history's maps were a quarter of the triage thread). Values
 * are longs or objects, chosen when made. Linear probing; grows at half full; no removal.
 * Not thread-safe.
 */
final class KeyTable<V> {

    /** Set in every stored key's low part (its owner leaves the bit free), so a low part of 0 marks an empty slot. */
    static final long OCCUPIED = 1L << 62;
    private static final long EMPTY = 0;

    private final boolean objectValues;
    private long[] highs;
    private long[] lows;
    private int[] ports;
    private long[] longs;
    private Object[] objects;
    private int mask;
    private int size;

    /** @param objectValues whether the values are objects ({@link #objectAt}) rather than longs ({@link #longAt}) */
    KeyTable(int expectedKeys, boolean objectValues) {
        this.objectValues = objectValues;
        allocate(Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1);
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        ports = new int[capacity];
        if (objectValues) {
            objects = new Object[capacity];
        } else {
            longs = new long[capacity];
        }
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The slot of the key, or -1 when absent; {@code low} has {@link #OCCUPIED} set. */
    int find(long high, long low, int port) {
        for (int slot = slot(high, low, port); ; slot = (slot + 1) & mask) {
            long at = lows[slot];
            if (at == low && highs[slot] == high && ports[slot] == port) {
                return slot;
            }
            if (at == EMPTY) {
                return -1;
            }
        }
    }

    /** The slot of the key, added (with value 0 and null) when absent; the slot stays valid until the next add. */
    int add(long high, long low, int port) {
        if (2 * (size + 1) > lows.length) {
            grow();
        }
        int slot = slot(high, low, port);
        for (; ; slot = (slot + 1) & mask) {
            long at = lows[slot];
            if (at == low && highs[slot] == high && ports[slot] == port) {
                return slot;
            }
            if (at == EMPTY) {
                break;
            }
        }
        highs[slot] = high;
        lows[slot] = low;
        ports[slot] = port;
        size++;
        return slot;
    }

    long longAt(int slot) {
        return longs[slot];
    }

    void setLong(int slot, long value) {
        longs[slot] = value;
    }

    @SuppressWarnings("unchecked")
    V objectAt(int slot) {
        return (V) objects[slot];
    }

    void setObject(int slot, V value) {
        objects[slot] = value;
    }

    /** MurmurHash3's finalizer over the key and port: IPv4 numbers and small counters spread over every slot. */
    private int slot(long high, long low, int port) {
        long h = high * 0xC2B2AE3D27D4EB4FL ^ low ^ ((long) port * 0x9E3779B97F4A7C15L);
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (int) (h ^ (h >>> 33)) & mask;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int[] oldPorts = ports;
        long[] oldLongs = longs;
        Object[] oldObjects = objects;
        allocate(oldLows.length * 2);
        for (int i = 0; i < oldLows.length; i++) {
            if (oldLows[i] != EMPTY) {
                int slot = slot(oldHighs[i], oldLows[i], oldPorts[i]);
                while (lows[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
                ports[slot] = oldPorts[i];
                if (objectValues) {
                    objects[slot] = oldObjects[i];
                } else {
                    longs[slot] = oldLongs[i];
                }
            }
        }
    }
}
