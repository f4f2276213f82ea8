package dev.vigil.cases.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.cases.CaseException;
import dev.vigil.cases.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An open case-store database with its schema migrated: SQLite (one file, WAL, synchronous=NORMAL, busy timeout)
 * or PostgreSQL through a HikariCP pool. Thread-safe; close it once.
 */
public final class StoreDatabase implements AutoCloseable {

    /** The newest migration in {@code db/migration}; when the database has it, Flyway (slow to start) is skipped. */
    static final String LATEST_MIGRATION = "2";

    private final StoreLocation location;
    private final DataSource dataSource;
    private final Jdbi jdbi;

    private StoreDatabase(StoreLocation location, DataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static StoreDatabase open(StoreLocation location) {
        DataSource dataSource = location.sqlite() ? sqlite(location) : postgres(location);
        StoreDatabase database = new StoreDatabase(location, dataSource);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static DataSource sqlite(StoreLocation location) {
        String file = location.url().substring("jdbc:sqlite:".length());
        if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new CaseException("cannot create the directory for the case store " + location.display() + ": " + e
                        + "; choose another place with --db PATH or VIGIL_HOME", e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(15_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65_536);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(location.url());
        return dataSource;
    }

    private static DataSource postgres(StoreLocation location) {
        if (!location.url().startsWith("jdbc:postgresql:")) {
            throw new CaseException("unsupported case store URL " + location.display()
                    + "; use a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("vigil-store");
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new CaseException("cannot connect to the case store " + location.display() + ": " + e.getMessage()
                    + "; check the URL and VIGIL_DB_USER / VIGIL_DB_PASSWORD", e);
        }
    }

    private void migrate() {
        if (upToDate()) {
            return;
        }
        try {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new V2__Compact_case_store())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new CaseException("cannot prepare the case store " + location.display() + ": " + e.getMessage(), e);
        }
    }

    private boolean upToDate() {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (LATEST_MIGRATION.equals(rows.getString(1))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public StoreLocation location() {
        return location;
    }

    public boolean sqlite() {
        return location.sqlite();
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
