package dev.vigil.triage;

import dev.vigil.intel.IpLists;
import dev.vigil.intel.IpMatch;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small IpLists for tests: named lists of "CIDR" or "CIDR # note" entries, longest prefix wins. */
final class TestIpLists implements IpLists {

    private record Entry(IPAddress block, String range, String note) {
    }

    private final Map<String, List<Entry>> lists = new LinkedHashMap<>();

    TestIpLists(Map<String, List<String>> entries) {
        entries.forEach((name, lines) -> {
            List<Entry> parsed = new ArrayList<>();
            for (String line : lines) {
                String[] parts = line.split("#", 2);
                IPAddress address = new IPAddressString(parts[0].trim()).getAddress();
                IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
                parsed.add(new Entry(block, block.toCanonicalString(), parts.length > 1 ? parts[1].trim() : null));
            }
            lists.put(name, parsed);
        });
    }

    @Override
    public Set<String> names() {
        return lists.keySet();
    }

    @Override
    public Optional<IpMatch> match(String list, String ip) {
        List<Entry> entries = lists.get(list);
        IPAddress address = new IPAddressString(ip).getAddress();
        if (entries == null || address == null) {
            return Optional.empty();
        }
        Entry best = null;
        for (Entry entry : entries) {
            if (entry.block().contains(address) && (best == null
                    || entry.block().getPrefixLength() != null && (best.block().getPrefixLength() == null
                    || entry.block().getPrefixLength() > best.block().getPrefixLength()))) {
                best = entry;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new IpMatch(list, best.range(), best.note()));
    }

    @Override
    public List<IpMatch> matchAll(String ip) {
        List<IpMatch> matches = new ArrayList<>();
        for (String list : lists.keySet()) {
            match(list, ip).ifPresent(matches::add);
        }
        return matches;
    }
}
