package dev.vigil.cases;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, in a temporary file. */
class SqliteCaseStoreTest extends CaseStoreContract {

    @TempDir
    Path directory;

    private int stores;

    @Override
    StoreLocation emptyStore() {
        return StoreLocation.of(directory.resolve("vigil-" + ++stores + ".db").toString(), java.util.Map.of());
    }
}
