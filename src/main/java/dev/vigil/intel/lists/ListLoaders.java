package dev.vigil.intel.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of list loaders, by kind. Registered by hand, in the order the documentation lists them. */
public final class ListLoaders {

    private static final Map<String, ListLoader> LOADERS = new LinkedHashMap<>();

    static {
        register(new CidrListLoader());
        register(new GithubMetaListLoader());
        register(new AwsIpRangesListLoader());
        register(new TorExitListLoader());
        register(new KnownHostsListLoader());
    }

    private ListLoaders() {
    }

    private static void register(ListLoader loader) {
        LOADERS.put(loader.kind(), loader);
    }

    public static Optional<ListLoader> forKind(String kind) {
        return Optional.ofNullable(LOADERS.get(kind));
    }

    public static List<String> kinds() {
        return List.copyOf(LOADERS.keySet());
    }

    public static List<ListLoader> all() {
        return List.copyOf(LOADERS.values());
    }
}
