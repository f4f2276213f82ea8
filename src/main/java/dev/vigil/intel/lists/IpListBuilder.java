package dev.vigil.intel.lists;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the entries of one list and builds its {@link IpList}. Not thread-safe; use one per list.
 * Entries may overlap and nest; the longest prefix wins, and of two equal entries the first added keeps its note.
 *
 * <pre>{@code
 * IpList list = new IpListBuilder("threat-intel", "cidr", "memory")
 *         .add("198.51.100.0/24", "scanner net")
 *         .add("2001:db8::/32", null)
 *         .build();
 * }</pre>
 */
public final class IpListBuilder {

    private static final int MAX_ENTRIES = 1 << 26;

    private final String name;
    private final String kind;
    private final String source;
    private final Map<String, Integer> noteIds = new HashMap<>();
    private String[] notes = new String[16];

    private int v4Count;
    private int[] v4Networks = new int[1024];
    private byte[] v4Prefixes = new byte[1024];
    private int[] v4Notes = new int[1024];

    /** From this many intervals on an index uses its tables for large lists; tests change it to check both layouts. */
    private int v4BucketsFrom = V4Intervals.BUCKETS_FROM;
    private int v6BucketsFrom = V6Intervals.BUCKETS_FROM;

    private int v6Count;
    private long[] v6High = new long[64];
    private long[] v6Low = new long[64];
    private byte[] v6Prefixes = new byte[64];
    private int[] v6Notes = new int[64];

    public IpListBuilder(String name, String kind, String source) {
        this.name = name;
        this.kind = kind;
        this.source = source;
    }

    /** The same builder, with the layout for large lists from {@code intervals} intervals on (for tests of both layouts). */
    IpListBuilder largeFrom(int intervals) {
        this.v4BucketsFrom = intervals;
        this.v6BucketsFrom = intervals;
        return this;
    }

    /** A list from in-memory CIDR strings (for benchmarks and tests). */
    public static IpList fromCidrs(String name, Collection<String> cidrs) {
        IpListBuilder builder = new IpListBuilder(name, "cidr", "memory");
        for (String cidr : cidrs) {
            builder.add(cidr, null);
        }
        return builder.build();
    }

    /**
     * Adds {@code 1.2.3.4}, {@code 10.0.0.0/8}, {@code 2001:db8::1} or {@code 2001:db8::/32}. Host bits below the prefix
     * are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public IpListBuilder add(String cidr, String note) {
        int slash = cidr.indexOf('/');
        int end = slash < 0 ? cidr.length() : slash;
        long v4 = IpText.parseV4(cidr, 0, end);
        if (v4 != IpText.NOT_V4) {
            int prefix = slash < 0 ? 32 : prefixLength(cidr, slash + 1, 32);
            return addV4(v4, prefix, note);
        }
        if (cidr.indexOf(':') < 0) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not an IP address or CIDR range"
                    + " (expected e.g. 192.0.2.10, 192.0.2.0/24 or 2001:db8::/32)");
        }
        long[] halves = new long[2];
        Integer prefix;
        if (IpText.parseV6(cidr, 0, end, halves)) {
            prefix = slash < 0 ? null : prefixLength(cidr, slash + 1, 128);
        } else {
            IPAddress address = new IPAddressString(cidr).getAddress();
            if (address == null || !address.isIPv6() || cidr.indexOf('%') >= 0) {
                throw new IllegalArgumentException("\"" + cidr + "\" is not an IPv6 address or CIDR range"
                        + " (expected e.g. 2001:db8::1 or 2001:db8::/32)");
            }
            prefix = address.getNetworkPrefixLength();
            halves = IpText.halves(address.getLower().getBytes());
        }
        long mapped = IpText.mappedV4(halves);
        if (mapped != IpText.NOT_V4 && (prefix == null || prefix >= 96)) {
            return addV4(mapped, prefix == null ? 32 : prefix - 96, note);
        }
        return addV6(halves[0], halves[1], prefix == null ? 128 : prefix, note);
    }

    private static int prefixLength(String text, int from, int max) {
        if (from >= text.length() || text.length() - from > 3) {
            throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length after '/' (0 to " + max + ")");
        }
        int prefix = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length after '/' (0 to " + max + ")");
            }
            prefix = prefix * 10 + (c - '0');
        }
        if (prefix > max) {
            throw new IllegalArgumentException("\"" + text + "\": prefix length " + prefix + " is above " + max);
        }
        return prefix;
    }

    /** Adds an IPv4 network ({@code address} unsigned 32-bit). */
    public IpListBuilder addV4(long address, int prefix, String note) {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + prefix + " is not between 0 and 32");
        }
        if (v4Count + v6Count >= MAX_ENTRIES) {
            throw new IllegalArgumentException("list " + name + " has more than " + MAX_ENTRIES + " entries");
        }
        if (v4Count == v4Networks.length) {
            int size = v4Count * 2;
            v4Networks = Arrays.copyOf(v4Networks, size);
            v4Prefixes = Arrays.copyOf(v4Prefixes, size);
            v4Notes = Arrays.copyOf(v4Notes, size);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        v4Networks[v4Count] = (int) (address & mask);
        v4Prefixes[v4Count] = (byte) prefix;
        v4Notes[v4Count] = noteId(note);
        v4Count++;
        return this;
    }

    /** Adds an IPv6 network given as its high and low 64 bits. */
    public IpListBuilder addV6(long high, long low, int prefix, String note) {
        if (prefix < 0 || prefix > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + prefix + " is not between 0 and 128");
        }
        if (v4Count + v6Count >= MAX_ENTRIES) {
            throw new IllegalArgumentException("list " + name + " has more than " + MAX_ENTRIES + " entries");
        }
        if (v6Count == v6High.length) {
            int size = v6Count * 2;
            v6High = Arrays.copyOf(v6High, size);
            v6Low = Arrays.copyOf(v6Low, size);
            v6Prefixes = Arrays.copyOf(v6Prefixes, size);
            v6Notes = Arrays.copyOf(v6Notes, size);
        }
        v6High[v6Count] = high & ~hostHigh(prefix);
        v6Low[v6Count] = low & ~hostLow(prefix);
        v6Prefixes[v6Count] = (byte) prefix;
        v6Notes[v6Count] = noteId(note);
        v6Count++;
        return this;
    }

    public int count() {
        return v4Count + v6Count;
    }

    private int noteId(String note) {
        if (note == null) {
            return -1;
        }
        Integer id = noteIds.get(note);
        if (id == null) {
            id = noteIds.size();
            noteIds.put(note, id);
            if (id == notes.length) {
                notes = Arrays.copyOf(notes, id * 2);
            }
            notes[id] = note;
        }
        return id;
    }

    static long hostHigh(int prefix) {
        return prefix >= 64 ? 0 : -1L >>> prefix;
    }

    static long hostLow(int prefix) {
        if (prefix <= 64) {
            return -1L;
        }
        return prefix == 128 ? 0 : -1L >>> (prefix - 64);
    }

    public IpList build() {
        // IPv4: sort (network, prefix, position) packed in one long each
        long[] order4 = new long[v4Count];
        for (int i = 0; i < v4Count; i++) {
            order4[i] = ((long) (v4Networks[i] ^ 0x80000000) << 32) | ((long) v4Prefixes[i] << 26) | i;
        }
        Arrays.sort(order4);
        int[] sorted4 = new int[v4Count];
        for (int i = 0; i < v4Count; i++) {
            sorted4[i] = (int) (order4[i] & (MAX_ENTRIES - 1));
        }
        Sweep sweep4 = new Sweep(v4Count);
        int distinct4 = 0;
        long[] stackEnd = new long[130];
        int[] stackEntry = new int[130];
        int depth = 0;
        for (int entry : sorted4) {
            long start = v4Networks[entry] & 0xFFFFFFFFL;
            int prefix = v4Prefixes[entry];
            if (depth > 0 && (v4Networks[stackEntry[depth - 1]] & 0xFFFFFFFFL) == start
                    && v4Prefixes[stackEntry[depth - 1]] == prefix) {
                continue; // the same network again: the first one stays
            }
            while (depth > 0 && stackEnd[depth - 1] < start) {
                long after = stackEnd[--depth] + 1;
                sweep4.emit(0, after, depth > 0 ? stackEntry[depth - 1] : -1);
            }
            sweep4.emit(0, start, entry);
            stackEnd[depth] = start | ((1L << (32 - prefix)) - 1);
            stackEntry[depth++] = entry;
            distinct4++;
        }
        while (depth > 0) {
            long after = stackEnd[--depth] + 1;
            if (after <= 0xFFFFFFFFL) {
                sweep4.emit(0, after, depth > 0 ? stackEntry[depth - 1] : -1);
            }
        }
        V4Intervals.Builder intervals4 = new V4Intervals.Builder();
        for (int i = 0; i < sweep4.size; i++) {
            intervals4.add((int) sweep4.low[i], sweep4.owner[i]);
        }
        V4Intervals v4 = intervals4.build(v4BucketsFrom);

        // IPv6: sort positions by (network, prefix, position)
        Integer[] order6 = new Integer[v6Count];
        for (int i = 0; i < v6Count; i++) {
            order6[i] = i;
        }
        Arrays.sort(order6, (a, b) -> {
            int order = Long.compareUnsigned(v6High[a], v6High[b]);
            if (order == 0) {
                order = Long.compareUnsigned(v6Low[a], v6Low[b]);
            }
            if (order == 0) {
                order = Integer.compare(v6Prefixes[a] & 0xFF, v6Prefixes[b] & 0xFF);
            }
            return order != 0 ? order : Integer.compare(a, b);
        });
        Sweep sweep6 = new Sweep(v6Count);
        int distinct6 = 0;
        long[] stackEndHigh = new long[130];
        depth = 0;
        for (int entry : order6) {
            long high = v6High[entry];
            long low = v6Low[entry];
            int prefix = v6Prefixes[entry] & 0xFF;
            if (depth > 0) {
                int top = stackEntry[depth - 1];
                if (v6High[top] == high && v6Low[top] == low && (v6Prefixes[top] & 0xFF) == prefix) {
                    continue;
                }
            }
            while (depth > 0 && lessUnsigned(stackEndHigh[depth - 1], stackEnd[depth - 1], high, low)) {
                depth--;
                emitAfter(sweep6, stackEndHigh[depth], stackEnd[depth], depth > 0 ? stackEntry[depth - 1] : -1);
            }
            sweep6.emit(high, low, v4Count + entry);
            stackEndHigh[depth] = high | hostHigh(prefix);
            stackEnd[depth] = low | hostLow(prefix);
            stackEntry[depth++] = entry;
            distinct6++;
        }
        while (depth > 0) {
            depth--;
            emitAfter(sweep6, stackEndHigh[depth], stackEnd[depth], depth > 0 ? stackEntry[depth - 1] : -1);
        }
        V6Intervals v6 = new V6Intervals(Arrays.copyOf(sweep6.high, sweep6.size),
                Arrays.copyOf(sweep6.low, sweep6.size), Arrays.copyOf(sweep6.owner, sweep6.size), v6BucketsFrom);

        // entries: IPv4 first, then IPv6 (owners of IPv6 intervals are already offset by v4Count)
        byte[] prefixes = new byte[v4Count + v6Count];
        int[] notesOfEntries = new int[v4Count + v6Count];
        System.arraycopy(v4Prefixes, 0, prefixes, 0, v4Count);
        System.arraycopy(v6Prefixes, 0, prefixes, v4Count, v6Count);
        System.arraycopy(v4Notes, 0, notesOfEntries, 0, v4Count);
        System.arraycopy(v6Notes, 0, notesOfEntries, v4Count, v6Count);
        Entries entries = new Entries(v4Count, v6Count, Arrays.copyOf(v4Networks, v4Count),
                Arrays.copyOf(v6High, v6Count), Arrays.copyOf(v6Low, v6Count), prefixes, notesOfEntries,
                Arrays.copyOf(notes, noteIds.size()));
        return new IpList(name, kind, source, Duration.ZERO, v4, v6, entries, distinct4, distinct6);
    }

    private void emitAfter(Sweep sweep, long endHigh, long endLow, int ownerPosition) {
        if (endHigh == -1L && endLow == -1L) {
            return; // the range reaches the last address
        }
        long low = endLow + 1;
        long high = low == 0 ? endHigh + 1 : endHigh;
        sweep.emit(high, low, ownerPosition < 0 ? -1 : v4Count + ownerPosition);
    }

    private static boolean lessUnsigned(long aHigh, long aLow, long bHigh, long bLow) {
        int order = Long.compareUnsigned(aHigh, bHigh);
        return order < 0 || (order == 0 && Long.compareUnsigned(aLow, bLow) < 0);
    }

    /** The intervals being emitted in address order; a later emit at the same start replaces the earlier one. */
    private static final class Sweep {
        long[] high;
        long[] low;
        int[] owner;
        int size;

        Sweep(int entries) {
            int capacity = Math.max(4, entries * 2 + 1);
            high = new long[capacity];
            low = new long[capacity];
            owner = new int[capacity];
        }

        void emit(long startHigh, long startLow, int entry) {
            if (size > 0 && high[size - 1] == startHigh && low[size - 1] == startLow) {
                size--;
            }
            if (size > 0 && owner[size - 1] == entry) {
                return;
            }
            if (size == 0 && entry < 0) {
                return;
            }
            if (size == high.length) {
                high = Arrays.copyOf(high, size * 2);
                low = Arrays.copyOf(low, size * 2);
                owner = Arrays.copyOf(owner, size * 2);
            }
            high[size] = startHigh;
            low[size] = startLow;
            owner[size] = entry;
            size++;
        }
    }
}
