package dev.vigil.cases.jdbi;

import dev.vigil.cases.StoreLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The schema contract on SQLite, in a temporary file. */
class SqliteStoreSchemaTest extends StoreSchemaContract {

    @TempDir
    Path directory;

    @Override
    StoreLocation emptyStore() {
        return StoreLocation.of(directory.resolve("vigil.db").toString(), Map.of());
    }
}
