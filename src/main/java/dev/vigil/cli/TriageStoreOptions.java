package dev.vigil.cli;

import dev.vigil.cases.CaseException;
import dev.vigil.cases.CaseStore;
import dev.vigil.cases.StoreLocation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code vigil triage}'s store options: by default every triaged finding is stored with its verdict (opening and joining
 * cases) and the history comes from the store; {@code --db} chooses the store, {@code --no-store} triages in memory only.
 */
public final class TriageStoreOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice = new Choice();

    static final class Choice {
        @Option(names = "--db", paramLabel = "URL|PATH",
                description = "Store findings, verdicts and cases here: a SQLite file or a JDBC URL (jdbc:postgresql://host/db; "
                        + "credentials from VIGIL_DB_USER / VIGIL_DB_PASSWORD). Default: $VIGIL_DB, the config's store.url, "
                        + "$VIGIL_HOME/vigil.db, else ~/.local/share/vigil/vigil.db.")
        String db;

        @Option(names = "--no-store", description = "Triage in memory only: store nothing; \"seen before\" means earlier in this input.")
        boolean noStore;
    }

    /** Opens the store chosen by the options and the config's store.url (may be null), or the in-memory history with --no-store. */
    public TriageStorage open(String configuredStoreUrl) {
        if (choice != null && choice.noStore) {
            return TriageStorage.inMemory();
        }
        StoreLocation location = StoreLocation.resolve(choice == null ? null : choice.db, configuredStoreUrl, System.getenv());
        try {
            return TriageStorage.stored(CaseStore.open(location));
        } catch (CaseException e) {
            throw new ExitCodes.ConfigurationException(e.getMessage() + " (or triage without a store: --no-store)", e);
        }
    }
}
