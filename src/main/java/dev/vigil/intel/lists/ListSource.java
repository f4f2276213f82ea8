package dev.vigil.intel.lists;

import dev.vigil.intel.yaml.Place;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to load one named list, as {@code vigil.yaml} says: its kind, and a local {@code path} or a {@code url} with a
 * local {@code cache}. {@code url} and {@code headers} keep their {@code ${VAR}} references unexpanded (they may hold
 * secrets); {@link ListRefresher} expands them when it downloads.
 *
 * @param keys github-meta: the keys to take (default {@code git})
 * @param services aws-ip-ranges: the services to keep (empty: all)
 * @param regions aws-ip-ranges: the regions to keep (empty: all)
 * @param place where the list is declared, for error messages
 */
public record ListSource(String name, String kind, Path path, String url, Path cache, List<String> keys,
                         List<String> services, List<String> regions, Map<String, String> headers, Place place) {

    public ListSource {
        keys = keys == null ? List.of() : List.copyOf(keys);
        services = services == null ? List.of() : List.copyOf(services);
        regions = regions == null ? List.of() : List.copyOf(regions);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A list read from a local file. */
    public static ListSource file(String name, String kind, Path path) {
        return new ListSource(name, kind, path, null, null, List.of(), List.of(), List.of(), Map.of(), Place.of(path.toString()));
    }

    /** The file the entries are read from: the path, or the cache of a URL list. */
    public Path file() {
        return path != null ? path : cache;
    }
}
