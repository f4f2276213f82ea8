package dev.vigil.intel.lists;

import dev.vigil.intel.yaml.ConfigErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;

/** Loads the list a {@link ListSource} describes from its local file (the cache, for a URL list: never the network). */
public final class ListFiles {

    /** The bundled default list: the triage runbook's known false-positive host. */
    public static final String BUNDLED_KNOWN_HOSTS = "/dev/vigil/intel/known-hosts.yaml";

    private ListFiles() {
    }

    /** The loaded list, or empty with the problems in {@code errors}. */
    public static Optional<IpList> load(ListSource source, ConfigErrors errors) {
        ListLoader loader = ListLoaders.forKind(source.kind()).orElse(null);
        if (loader == null) {
            errors.add(source.place(), "unknown_list_kind", "list " + source.name() + ": unknown kind \"" + source.kind()
                    + "\"" + dev.vigil.intel.yaml.DidYouMean.suggest(String.valueOf(source.kind()), ListLoaders.kinds()));
            return Optional.empty();
        }
        if (source.file() == null) {
            errors.add(source.place(), "list_without_file", "list " + source.name()
                    + " has neither path nor url + cache: give path: FILE, or url: URL with cache: FILE");
            return Optional.empty();
        }
        long started = System.nanoTime();
        FileErrors fileErrors = new FileErrors(source.file().toString(), errors);
        IpListBuilder builder = new IpListBuilder(source.name(), source.kind(), source.file().toString());
        try (InputStream in = Files.newInputStream(source.file())) {
            loader.load(source, in, builder, fileErrors);
        } catch (NoSuchFileException e) {
            errors.add(source.place(), "list_file_missing", missingMessage(source));
            return Optional.empty();
        } catch (IOException e) {
            errors.add(source.place(), "list_file_unreadable", "list " + source.name() + ": cannot read " + source.file()
                    + " (" + e.getMessage() + "): check the path and its permissions");
            return Optional.empty();
        }
        fileErrors.finish();
        if (fileErrors.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(builder.build().withLoadTime(Duration.ofNanos(System.nanoTime() - started)));
    }

    private static String missingMessage(ListSource source) {
        if (source.url() != null) {
            return "list " + source.name() + ": the cache " + source.cache() + " of " + source.url()
                    + " does not exist yet: run vigil intel refresh --config <your vigil.yaml> to download it";
        }
        return "list " + source.name() + ": file " + source.path() + " does not exist: fix the path"
                + " (relative paths are read from the folder of vigil.yaml)";
    }

    /** The bundled known-hosts list (the triage runbook's false positive 165.227.16.16). */
    public static IpList bundledKnownHosts() {
        long started = System.nanoTime();
        ConfigErrors errors = new ConfigErrors();
        FileErrors fileErrors = new FileErrors("bundled known-hosts.yaml", errors);
        IpListBuilder builder = new IpListBuilder("known-hosts", "known-hosts", "bundled");
        try (InputStream in = ListFiles.class.getResourceAsStream(BUNDLED_KNOWN_HOSTS)) {
            new KnownHostsListLoader().load(ListSource.file("known-hosts", "known-hosts", java.nio.file.Path.of("bundled")),
                    in, builder, fileErrors);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled known-hosts list cannot be read", e);
        }
        errors.throwIfAny();
        return builder.build().withLoadTime(Duration.ofNanos(System.nanoTime() - started));
    }
}
