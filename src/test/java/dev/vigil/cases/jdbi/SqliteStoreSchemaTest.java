package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cases.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema contract on SQLite, in a temporary file. */
class SqliteStoreSchemaTest extends StoreSchemaContract {

    @TempDir
    Path directory;

    @Override
    StoreLocation emptyStore() {
        return StoreLocation.of(directory.resolve("vigil.db").toString(), Map.of());
    }

    @Test
    void theNumberedTablesAreKeyedOnTheRowidAndTheClusteredOnesHaveNoRowid() throws Exception {
        StoreLocation location = emptyStore();
        StoreDatabase.open(location).close();
        Map<String, String> tables = new HashMap<>();
        Map<String, String> indexes = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(location.url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (rows.next()) {
                if (rows.getString(1).equals("table")) {
                    tables.put(rows.getString(2), rows.getString(4)); // its CREATE statement
                } else {
                    indexes.put(rows.getString(2), rows.getString(3)); // its table
                }
            }
        }
        assertThat(tables.get("cases")).contains("number INTEGER NOT NULL PRIMARY KEY");
        assertThat(tables.get("timeline")).contains("id INTEGER NOT NULL PRIMARY KEY");
        assertThat(tables.get("case_checklists")).contains("case_number INTEGER NOT NULL PRIMARY KEY");
        for (String clustered : new String[] {"case_resources", "contacts", "pattern_instances"}) {
            assertThat(tables.get(clustered)).as(clustered).endsWith("WITHOUT ROWID");
        }
        // the only automatic index left on cases is open_key's; timeline and checklists have none
        assertThat(indexes).containsKeys("cases_by_level", "cases_by_state", "timeline_by_case", "sqlite_autoindex_cases_1");
        assertThat(indexes).doesNotContainKey("sqlite_autoindex_cases_2");
        indexes.forEach((index, table) -> {
            if (index.startsWith("sqlite_autoindex_")) {
                assertThat(table).as(index).isNotIn("timeline", "case_checklists");
            }
        });
    }
}
