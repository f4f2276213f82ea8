package dev.vigil.intel.lists;

import dev.vigil.intel.IpMatch;
import java.time.Duration;
import java.util.Optional;

/**
 * One named list of IPv4 and IPv6 addresses and ranges, answering longest-prefix matches. Immutable and thread-safe.
 *
 * <p>The entries (which may nest: a /32 inside a /20) are flattened at build time into disjoint address intervals, each
 * owned by the longest prefix that covers it, so a look-up finds one interval in primitive arrays (for a large IPv4
 * list, one record per /16: {@link V4Intervals}): no objects per entry, no allocation per IPv4 look-up. Build one with
 * {@link IpListBuilder}.
 */
public final class IpList {

    private final String name;
    private final String kind;
    private final String source;
    private final Duration loadTime;
    private final V4Intervals v4;
    private final V6Intervals v6;
    private final Entries entries;
    private final int v4Entries;
    private final int v6Entries;
    /**
     * The answer for each IPv4 slot of {@link V4Intervals#slot}: slot 0 (no entry) is empty, slot {@code k + 1} the
     * match of owned interval {@code k}, made at its first hit. A look-up returns what it reads here, with no branch on
     * whether it matched (see {@code slot}) and no allocation; a hit reads this one array, where it read the interval's
     * owner and then that entry's match, two dependent cache misses in a large list. Racy but safe: an answer is
     * immutable, and two threads at most make it twice.
     */
    private final Optional<IpMatch>[] v4Answers;

    IpList(String name, String kind, String source, Duration loadTime, V4Intervals v4, V6Intervals v6, Entries entries,
           int v4Entries, int v6Entries) {
        this.v4Entries = v4Entries;
        this.v6Entries = v6Entries;
        this.name = name;
        this.kind = kind;
        this.source = source;
        this.loadTime = loadTime;
        this.v4 = v4;
        this.v6 = v6;
        this.entries = entries;
        @SuppressWarnings("unchecked")
        Optional<IpMatch>[] answers = new Optional[v4.ownedIntervals() + 1];
        answers[0] = Optional.empty();
        this.v4Answers = answers;
    }

    public String name() {
        return name;
    }

    /** The loader kind: {@code cidr}, {@code github-meta}, {@code aws-ip-ranges}, {@code tor-exits}, {@code known-hosts}. */
    public String kind() {
        return kind;
    }

    /** Where the entries came from (a file, or "bundled"). */
    public String source() {
        return source;
    }

    public Duration loadTime() {
        return loadTime;
    }

    /** Entries after duplicates are dropped. */
    public int size() {
        return v4Entries + v6Entries;
    }

    public int v4Count() {
        return v4Entries;
    }

    public int v6Count() {
        return v6Entries;
    }

    /** The same list, with the time its loading took. */
    public IpList withLoadTime(Duration time) {
        return new IpList(name, kind, source, time, v4, v6, entries, v4Entries, v6Entries);
    }

    /** The longest-prefix entry containing {@code ip} (IPv4 or IPv6 text); empty when none does or the text is not an IP. */
    public Optional<IpMatch> match(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        // a canonical IPv4 text (most look-ups) without a ParsedIp; anything else parsed in full
        long address = IpText.parseV4(ip);
        return address != IpText.NOT_V4 ? matchV4(address) : match(ParsedIp.parse(ip));
    }

    /** Whether any entry contains {@code ip}. */
    public boolean contains(String ip) {
        return entryFor(ip) >= 0;
    }

    /** The longest-prefix entry containing the IPv4 address {@code address} (unsigned 32-bit value). */
    public Optional<IpMatch> matchV4(long address) {
        int slot = v4.slot((int) address);
        Optional<IpMatch> answer = v4Answers[slot];
        if (answer == null) {
            answer = Optional.of(entries.match(name, v4.owner(slot - 1)));
            v4Answers[slot] = answer;
        }
        return answer;
    }

    /** The longest-prefix entry containing the IPv6 address {@code high:low}. */
    public Optional<IpMatch> matchV6(long high, long low) {
        int entry = v6.find(high, low);
        return entry < 0 ? Optional.empty() : Optional.of(entries.match(name, entry));
    }

    Optional<IpMatch> match(ParsedIp ip) {
        if (ip == null) {
            return Optional.empty();
        }
        return ip.isV4() ? matchV4(ip.low()) : matchV6(ip.high(), ip.low());
    }

    private int entryFor(String ip) {
        if (ip == null) {
            return -1;
        }
        long address = IpText.parseV4(ip);
        if (address != IpText.NOT_V4) {
            return v4.find((int) address);
        }
        ParsedIp parsed = ParsedIp.parse(ip);
        if (parsed == null) {
            return -1;
        }
        return parsed.isV4() ? v4.find((int) parsed.low()) : v6.find(parsed.high(), parsed.low());
    }

    @Override
    public String toString() {
        return name + " (" + kind + ", " + size() + " entries)";
    }
}
