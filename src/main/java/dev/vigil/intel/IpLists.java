package dev.vigil.intel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Named lists of IP addresses and ranges (GitHub meta, Tor exits, AWS ranges, threat intel, known hosts). Thread-safe. */
public interface IpLists {

    /** The names of the lists that are loaded. */
    Set<String> names();

    /** Whether a list of that name is loaded; when it is not, a question about it is answered {@code unknown}. */
    default boolean has(String list) {
        return names().contains(list);
    }

    /** The longest-prefix entry of {@code list} that contains {@code ip}; empty when none does, or the list is not loaded. */
    Optional<IpMatch> match(String list, String ip);

    /** The matches of {@code ip} in every loaded list, one per list. */
    List<IpMatch> matchAll(String ip);
}
