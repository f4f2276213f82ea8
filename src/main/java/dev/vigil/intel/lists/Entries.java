package dev.vigil.intel.lists;

import dev.vigil.intel.IpMatch;

/**
 * The entries of a list in primitive arrays: networks, prefix lengths and note numbers (notes are shared strings).
 * IPv4 entries are numbered {@code 0..v4Count-1}, IPv6 entries follow. The {@link IpMatch} of an entry is made on its
 * first match and kept (a benign race: two threads may both make an equal one).
 */
final class Entries {

    private final int v4Count;
    private final int v6Count;
    private final int[] v4Networks;
    private final long[] v6High;
    private final long[] v6Low;
    private final byte[] prefixes;
    private final int[] noteIds;
    private final String[] notes;
    private final IpMatch[] matches;

    Entries(int v4Count, int v6Count, int[] v4Networks, long[] v6High, long[] v6Low, byte[] prefixes, int[] noteIds,
            String[] notes) {
        this.v4Count = v4Count;
        this.v6Count = v6Count;
        this.v4Networks = v4Networks;
        this.v6High = v6High;
        this.v6Low = v6Low;
        this.prefixes = prefixes;
        this.noteIds = noteIds;
        this.notes = notes;
        this.matches = new IpMatch[v4Count + v6Count];
    }

    int v4Count() {
        return v4Count;
    }

    int v6Count() {
        return v6Count;
    }

    IpMatch match(String list, int entry) {
        IpMatch match = matches[entry];
        if (match == null) {
            match = new IpMatch(list, range(entry), note(entry));
            matches[entry] = match;
        }
        return match;
    }

    String range(int entry) {
        int prefix = prefixes[entry] & 0xFF;
        if (entry < v4Count) {
            return IpText.formatV4(v4Networks[entry] & 0xFFFFFFFFL) + "/" + prefix;
        }
        int v6 = entry - v4Count;
        return IpText.formatV6(v6High[v6], v6Low[v6]) + "/" + prefix;
    }

    String note(int entry) {
        int id = noteIds[entry];
        return id < 0 ? null : notes[id];
    }
}
