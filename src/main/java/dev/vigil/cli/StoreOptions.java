package dev.vigil.cli;

import dev.vigil.cases.CaseException;
import dev.vigil.cases.CaseStore;
import dev.vigil.cases.StoreLocation;
import dev.vigil.intel.VigilConfig;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --db URL|PATH} and {@code --config FILE}: which case store to use. Without --db: {@code $VIGIL_DB}, then the
 * config's {@code store.url},
 * then {@code $VIGIL_HOME/vigil.db} ({@code ~/.local/share/vigil/vigil.db} when VIGIL_HOME is not set).
 */
public final class StoreOptions {

    @Option(names = "--db", paramLabel = "URL|PATH",
            description = "The case store: a SQLite file or a JDBC URL (jdbc:postgresql://host/db; credentials from "
                    + "VIGIL_DB_USER / VIGIL_DB_PASSWORD). Default: $VIGIL_DB, the config's store.url, "
                    + "$VIGIL_HOME/vigil.db, else ~/.local/share/vigil/vigil.db.")
    String db;

    @Option(names = "--config", paramLabel = "FILE", description = "vigil.yaml, for its store.url (see docs/cases.md).")
    Path config;

    /** The store chosen by {@code --db}, {@code $VIGIL_DB}, the config's store.url, or the default. */
    public StoreLocation location() {
        String configured = config == null ? null : VigilConfig.load(config).storeUrl();
        return StoreLocation.resolve(db, configured, System.getenv());
    }

    /** Opens the store, runs {@code work} with it and closes it; store errors become usage errors (exit 2) with their message. */
    public <T> T withStore(Function<CaseStore, T> work) {
        try (CaseStore store = CaseStore.open(location())) {
            return work.apply(store);
        } catch (CaseException e) {
            throw new ExitCodes.ConfigurationException(e.getMessage(), e);
        }
    }

    /** Runs {@code work}, turning a case error (unknown id, state or step) into a usage error (exit 2) with its message. */
    static <T> T orUsageError(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (CaseException e) {
            throw new ExitCodes.ConfigurationException(e.getMessage(), e);
        }
    }

    /** Who did it: {@code --actor}, else $USER, else the JVM's user name. */
    static String actor(String option) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String user = System.getenv("USER");
        return user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown");
    }
}
