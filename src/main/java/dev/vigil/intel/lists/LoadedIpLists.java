package dev.vigil.intel.lists;

import dev.vigil.intel.IpLists;
import dev.vigil.intel.IpMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The loaded lists, by name. Immutable and thread-safe. */
public final class LoadedIpLists implements IpLists {

    private final Map<String, IpList> lists;

    public LoadedIpLists(Collection<IpList> lists) {
        Map<String, IpList> byName = new LinkedHashMap<>();
        for (IpList list : lists) {
            byName.put(list.name(), list);
        }
        this.lists = java.util.Collections.unmodifiableMap(byName);
    }

    public List<IpList> lists() {
        return List.copyOf(lists.values());
    }

    public Optional<IpList> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    @Override
    public Set<String> names() {
        return lists.keySet();
    }

    @Override
    public Optional<IpMatch> match(String list, String ip) {
        IpList found = lists.get(list);
        return found == null ? Optional.empty() : found.match(ip);
    }

    @Override
    public List<IpMatch> matchAll(String ip) {
        ParsedIp parsed = ip == null ? null : ParsedIp.parse(ip);
        if (parsed == null) {
            return List.of();
        }
        List<IpMatch> matches = new ArrayList<>();
        for (IpList list : lists.values()) {
            list.match(parsed).ifPresent(matches::add);
        }
        return matches;
    }
}
