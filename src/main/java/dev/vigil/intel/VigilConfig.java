package dev.vigil.intel;

import dev.vigil.intel.accounts.AccountFile;
import dev.vigil.intel.accounts.LoadedAccounts;
import dev.vigil.intel.geo.MaxMindOrganizations;
import dev.vigil.intel.lists.IpList;
import dev.vigil.intel.lists.ListFiles;
import dev.vigil.intel.lists.ListLoaders;
import dev.vigil.intel.lists.ListSource;
import dev.vigil.intel.lists.LoadedIpLists;
import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.EnvironmentReferences;
import dev.vigil.intel.yaml.Place;
import dev.vigil.intel.yaml.YamlFields;
import dev.vigil.intel.yaml.YamlNode;
import dev.vigil.intel.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vigil's configuration ({@code vigil.yaml}, given with {@code --config}): named IP lists, the account directory, port
 * knowledge, the ASN database, the history window and the case store. Strict: unknown and duplicate keys are errors
 * naming file:line:column. Relative paths are read from the folder of the config file; {@code ${VAR}} references are
 * expanded from the environment. See docs/configuration.md.
 *
 * @param file the config file, or null for {@link #defaults()}
 * @param lists the lists it declares (the bundled {@code known-hosts} list is added unless one of them is named so)
 * @param accounts the account directory file, or null
 * @param asnDatabase the MaxMind ASN database, or null
 * @param storeUrl the case store's database URL, or null (may hold a secret: never printed)
 */
public record VigilConfig(Path file, List<ListSource> lists, Path accounts, PortKnowledge ports, Path asnDatabase,
                          Duration historyWindow, String storeUrl) {

    public static final Duration DEFAULT_HISTORY_WINDOW = Duration.ofHours(24);
    public static final String KNOWN_HOSTS = "known-hosts";

    static final List<String> TOP_KEYS = List.of("lists", "accounts", "ports", "geoip", "history", "store");
    static final List<String> LIST_KEYS = List.of("kind", "path", "url", "cache", "keys", "services", "regions", "headers");
    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    public VigilConfig {
        lists = lists == null ? List.of() : List.copyOf(lists);
        ports = ports == null ? PortKnowledge.DEFAULTS : ports;
        historyWindow = historyWindow == null ? DEFAULT_HISTORY_WINDOW : historyWindow;
    }

    /** No config at all: the bundled known-hosts list, the default ports, a 24 h history window. */
    public static VigilConfig defaults() {
        return new VigilConfig(null, List.of(), null, PortKnowledge.DEFAULTS, null, DEFAULT_HISTORY_WINDOW, null);
    }

    /** Reads {@code file}; throws {@link dev.vigil.intel.yaml.InvalidConfigurationException} listing every error. */
    public static VigilConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static VigilConfig load(Path file, Map<String, String> environment) {
        ConfigErrors errors = new ConfigErrors();
        String name = file.toString();
        YamlNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = YamlTree.read(name, in, errors);
        } catch (NoSuchFileException e) {
            throw new dev.vigil.intel.yaml.InvalidConfigurationException("config file " + file
                    + " does not exist: give the path of your vigil.yaml (see examples/vigil.yaml)");
        } catch (IOException e) {
            throw new dev.vigil.intel.yaml.InvalidConfigurationException("cannot read config file " + file + ": "
                    + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        VigilConfig config = new Reading(folder, environment, errors).config(file, root);
        errors.throwIfAny();
        return config;
    }

    /**
     * Loads everything the config names (lists from their files or caches, never the network; the account directory;
     * the ASN database) and returns what triage consults. Throws a ConfigurationException listing every problem.
     */
    public Intel intel(History history) {
        ConfigErrors errors = new ConfigErrors();
        LoadedIpLists ipLists = loadLists(errors);
        AccountDirectory directory = AccountDirectory.EMPTY;
        if (accounts != null) {
            directory = AccountFile.load(accounts, errors);
        }
        OrganizationLookup organizations = OrganizationLookup.NONE;
        if (asnDatabase != null) {
            try {
                organizations = MaxMindOrganizations.open(asnDatabase);
            } catch (IOException e) {
                errors.add(Place.of(String.valueOf(file)), "asn_database_unreadable", "geoip asn-database "
                        + asnDatabase + " cannot be opened (" + e.getMessage()
                        + "): give the path of a GeoLite2-ASN.mmdb file, or remove geoip:");
            }
        }
        errors.throwIfAny();
        return new Intel(ipLists, directory, ports, organizations, history);
    }

    /** Loads the lists (in parallel), adding every problem to {@code errors}. */
    public LoadedIpLists loadLists(ConfigErrors errors) {
        List<IpList> loaded = new ArrayList<>();
        if (lists.stream().noneMatch(list -> list.name().equals(KNOWN_HOSTS))) {
            loaded.add(ListFiles.bundledKnownHosts());
        }
        List<Optional<IpList>> results = lists.parallelStream().map(source -> ListFiles.load(source, errors)).toList();
        results.forEach(result -> result.ifPresent(loaded::add));
        return new LoadedIpLists(loaded);
    }

    /** The account directory, or null when none is configured. */
    public LoadedAccounts loadAccounts(ConfigErrors errors) {
        return accounts == null ? null : AccountFile.load(accounts, errors);
    }

    /** The lists that are downloaded from a URL by {@code vigil intel refresh}. */
    public List<ListSource> urlLists() {
        return lists.stream().filter(list -> list.url() != null).toList();
    }

    @Override
    public String toString() {
        return "VigilConfig[file=" + file + ", lists=" + lists.stream().map(ListSource::name).toList() + ", accounts="
                + accounts + ", ports=" + ports + ", asnDatabase=" + asnDatabase + ", historyWindow=" + historyWindow
                + ", store=" + (storeUrl == null ? "none" : "(set)") + "]";
    }

    /** Parses a window such as {@code 24h}, {@code 90m}, {@code 7d}, {@code 30s} or ISO-8601 {@code PT24H}. */
    public static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** One reading of a config document, collecting errors. */
    private record Reading(Path folder, Map<String, String> environment, ConfigErrors errors) {

        VigilConfig config(Path file, YamlNode root) {
            if (root == null || (root instanceof YamlNode.Scalar scalar && scalar.text() == null)) {
                return new VigilConfig(file, List.of(), null, null, null, null, null);
            }
            YamlNode.Mapping top = YamlFields.mapping(root, "vigil.yaml", errors);
            if (top == null) {
                return defaults();
            }
            YamlFields.onlyKeys(top, TOP_KEYS, "vigil.yaml", errors);
            List<ListSource> lists = lists(top.get("lists"));
            Path accounts = null;
            YamlNode.Mapping accountsNode = YamlFields.mapping(top.get("accounts"), "accounts", errors);
            if (accountsNode != null) {
                YamlFields.onlyKeys(accountsNode, List.of("path"), "accounts", errors);
                accounts = path(accountsNode, "path");
                if (accounts == null) {
                    errors.add(accountsNode.place(), "missing_key", "accounts needs path: FILE (a .yaml or .csv file)");
                }
            }
            PortKnowledge ports = ports(top.get("ports"));
            Path asn = null;
            YamlNode.Mapping geoip = YamlFields.mapping(top.get("geoip"), "geoip", errors);
            if (geoip != null) {
                YamlFields.onlyKeys(geoip, List.of("asn-database"), "geoip", errors);
                asn = path(geoip, "asn-database");
            }
            Duration window = null;
            YamlNode.Mapping history = YamlFields.mapping(top.get("history"), "history", errors);
            if (history != null) {
                YamlFields.onlyKeys(history, List.of("window"), "history", errors);
                String text = YamlFields.text(history, "window", errors);
                if (text != null) {
                    try {
                        window = parseDuration(text);
                        if (window.isNegative() || window.isZero()) {
                            throw new DateTimeParseException("not positive", text, 0);
                        }
                    } catch (DateTimeParseException | ArithmeticException e) {
                        errors.add(history.get("window").place(), "bad_duration", "history window \"" + text
                                + "\" is not a positive duration: write e.g. 24h, 90m, 7d or PT24H");
                    }
                }
            }
            String storeUrl = null;
            YamlNode.Mapping store = YamlFields.mapping(top.get("store"), "store", errors);
            if (store != null) {
                YamlFields.onlyKeys(store, List.of("url"), "store", errors);
                YamlNode urlNode = store.get("url");
                storeUrl = urlNode == null ? null : EnvironmentReferences.expand(YamlFields.text(store, "url", errors),
                        environment, urlNode.place(), errors);
            }
            return new VigilConfig(file, lists, accounts, ports, asn, window, storeUrl);
        }

        private List<ListSource> lists(YamlNode node) {
            List<ListSource> sources = new ArrayList<>();
            YamlNode.Mapping lists = YamlFields.mapping(node, "lists (list name: {kind, path, ...})", errors);
            if (lists == null) {
                return sources;
            }
            for (YamlNode.Field field : lists.fields().values()) {
                String name = field.key();
                if (!LIST_NAME.matcher(name).matches()) {
                    errors.add(field.keyPlace(), "bad_list_name", "list name \"" + name
                            + "\" must be lower-case letters, digits and dashes, e.g. threat-intel");
                }
                YamlNode.Mapping list = YamlFields.mapping(field.value(), "list " + name, errors);
                if (list == null) {
                    continue;
                }
                YamlFields.onlyKeys(list, LIST_KEYS, "list " + name, errors);
                String kind = YamlFields.text(list, "kind", errors);
                if (kind == null) {
                    errors.add(list.place(), "missing_key", "list " + name + " needs kind: one of "
                            + String.join(", ", ListLoaders.kinds()));
                    continue;
                }
                if (ListLoaders.forKind(kind).isEmpty()) {
                    errors.add(list.get("kind").place(), "unknown_list_kind", "list " + name + ": unknown kind \"" + kind
                            + "\"" + dev.vigil.intel.yaml.DidYouMean.suggest(kind, ListLoaders.kinds()));
                    continue;
                }
                Path path = path(list, "path");
                String url = YamlFields.text(list, "url", errors);
                Path cache = path(list, "cache");
                if (path != null && url != null) {
                    errors.add(list.place(), "path_and_url", "list " + name
                            + " has both path and url: use path for a local file, or url with cache to download");
                } else if (path == null && url == null) {
                    errors.add(list.place(), "missing_key", "list " + name
                            + " needs path: FILE, or url: URL with cache: FILE");
                } else if (url != null && cache == null) {
                    errors.add(list.get("url").place(), "missing_key", "list " + name
                            + " has a url but no cache: add cache: FILE (where vigil intel refresh saves the download)");
                } else if (path != null && cache != null) {
                    errors.add(list.get("cache").place(), "cache_without_url", "list " + name
                            + ": cache only applies with url; remove it or replace path with url");
                }
                List<String> keys = YamlFields.texts(list, "keys", errors);
                List<String> services = YamlFields.texts(list, "services", errors);
                List<String> regions = YamlFields.texts(list, "regions", errors);
                onlyFor(list, "keys", keys, kind, "github-meta");
                onlyFor(list, "services", services, kind, "aws-ip-ranges");
                onlyFor(list, "regions", regions, kind, "aws-ip-ranges");
                Map<String, String> headers = new LinkedHashMap<>();
                YamlNode.Mapping headerNode = YamlFields.mapping(list.get("headers"), "headers", errors);
                if (headerNode != null) {
                    if (url == null) {
                        errors.add(headerNode.place(), "headers_without_url", "headers only apply to a list with url");
                    }
                    for (YamlNode.Field header : headerNode.fields().values()) {
                        String value = YamlFields.text(headerNode, header.key(), errors);
                        if (value != null) {
                            headers.put(header.key(), value);
                        }
                    }
                }
                sources.add(new ListSource(name, kind, path, url, cache, keys,
                        services, regions, headers, field.keyPlace()));
            }
            return sources;
        }

        private void onlyFor(YamlNode.Mapping list, String key, List<String> values, String kind, String expected) {
            if (!values.isEmpty() && !kind.equals(expected)) {
                errors.add(list.get(key).place(), "option_not_for_kind", "\"" + key + "\" applies only to kind "
                        + expected + ", not " + kind + ": remove it");
            }
        }

        private PortKnowledge ports(YamlNode node) {
            YamlNode.Mapping ports = YamlFields.mapping(node, "ports", errors);
            if (ports == null) {
                return PortKnowledge.DEFAULTS;
            }
            YamlFields.onlyKeys(ports, List.of("standard", "exploitation"), "ports", errors);
            List<Integer> standard = YamlFields.ports(ports, "standard", errors);
            List<Integer> exploitation = YamlFields.ports(ports, "exploitation", errors);
            return new PortKnowledge(
                    standard == null ? PortKnowledge.DEFAULT_STANDARD : new LinkedHashSet<>(standard),
                    exploitation == null ? PortKnowledge.DEFAULT_EXPLOITATION : new LinkedHashSet<>(exploitation));
        }

        /** A path value, with ${VAR} expanded and resolved against the config file's folder. */
        private Path path(YamlNode.Mapping mapping, String key) {
            String text = YamlFields.text(mapping, key, errors);
            if (text == null || text.isBlank()) {
                return null;
            }
            String expanded = EnvironmentReferences.expand(text.trim(), environment, mapping.get(key).place(), errors);
            if (expanded.startsWith("~/")) {
                expanded = System.getProperty("user.home") + expanded.substring(1);
            }
            return folder.resolve(expanded).normalize();
        }
    }
}
