package dev.vigil.cases.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.cases.CaseException;
import dev.vigil.cases.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * An open case-store database with its schema migrated: SQLite (one file, WAL, synchronous=NORMAL, busy timeout)
 * or PostgreSQL through a HikariCP pool. Thread-safe; close it once.
 */
public final class StoreDatabase implements AutoCloseable {

    /**
     * Vigil's migrations: the SQL ones in {@code src/main/resources/db/migration}, the Java ones (for what one SQL cannot
     * say on both databases), and the newest version of all.
     */
    static final Migrations MIGRATIONS = new Migrations(List.of("classpath:db/migration"),
            List.of(new V2__Compact_case_store(), new V3__Compact_history()), "3");

    /**
     * Where the migrations are and the version of the newest one. When a database is at that version, opening it
     * skips Flyway, whose set-up (scanning the classpath, validating every applied migration) took longer than the
     * query a {@code vigil cases} command runs.
     */
    record Migrations(List<String> locations, List<JavaMigration> java, String latest) {
        Migrations {
            locations = List.copyOf(locations);
            java = List.copyOf(java);
        }
    }

    private final StoreLocation location;
    private final DataSource dataSource;
    private volatile Jdbi jdbi;
    private boolean migrated;

    private StoreDatabase(StoreLocation location, DataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
    }

    public static StoreDatabase open(StoreLocation location) {
        return open(location, MIGRATIONS);
    }

    static StoreDatabase open(StoreLocation location, Migrations migrations) {
        DataSource dataSource = location.sqlite() ? sqlite(location) : postgres(location);
        StoreDatabase database = new StoreDatabase(location, dataSource);
        try {
            database.migrate(migrations);
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

    /** See {@link dev.vigil.cases.CaseStore#copySqliteLibrary(Path)}. */
    public static Path copySqliteLibrary(Path directory) {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        Path target = directory.resolve(LibraryLoaderUtil.getNativeLibName());
        try (InputStream library = SQLiteDataSource.class.getResourceAsStream(resource)) {
            if (library == null) {
                throw new CaseException("the SQLite driver has no native library for this platform (" + resource + ")");
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, target.getFileName().toString(), ".partial");
            Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CaseException("cannot copy the SQLite native library into " + directory + ": " + e, e);
        }
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

    /**
     * Brings the schema to {@code migrations.latest()}: nothing to do when Flyway's history says it is there already
     * (one query), Flyway otherwise (a new database, an older schema, or a failed migration, which Flyway reports).
     * A schema newer than this Vigil knows is refused: an older Vigil must not write into it.
     */
    private void migrate(Migrations migrations) {
        String applied = appliedVersion();
        if (applied != null && compareVersions(applied, migrations.latest()) > 0) {
            throw new CaseException("the case store " + location.display() + " has schema version " + applied
                    + ", newer than this Vigil knows (" + migrations.latest() + "): a newer Vigil wrote it; "
                    + "run that version of Vigil, or choose another store with --db");
        }
        if (applied != null && compareVersions(applied, migrations.latest()) == 0) {
            return;
        }
        try {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(migrations.locations().toArray(String[]::new))
                    .javaMigrations(migrations.java().toArray(JavaMigration[]::new))
                    .load()
                    .migrate();
            migrated = true;
        } catch (RuntimeException e) {
            throw new CaseException("cannot prepare the case store " + location.display() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest version in Flyway's history; null when there is no history (a new database) or a migration failed,
     * so that Flyway runs and creates the schema or reports the failure.
     */
    private String appliedVersion() {
        String newest = null;
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return null;
                }
                String version = rows.getString(1);
                if (newest == null || compareVersions(version, newest) > 0) {
                    newest = version;
                }
            }
            return newest;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Compares Flyway versions ("1", "2", "2.1") part by part, as numbers. */
    static int compareVersions(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
            long leftPart = i < leftParts.length ? Long.parseLong(leftParts[i]) : 0;
            long rightPart = i < rightParts.length ? Long.parseLong(rightParts[i]) : 0;
            if (leftPart != rightPart) {
                return Long.compare(leftPart, rightPart);
            }
        }
        return 0;
    }

    /** Whether opening ran Flyway (a new database or an older schema) rather than finding the schema up to date. */
    boolean migrated() {
        return migrated;
    }

    /**
     * Jdbi over this database, made at the first call: the writers and the responder actions use it; the read path of
     * the short commands ({@link CaseQueries}, {@link MetricsQueries}) takes a {@link #connection()} instead and never
     * loads Jdbi.
     */
    public Jdbi jdbi() {
        Jdbi made = jdbi;
        if (made == null) {
            synchronized (this) {
                made = jdbi;
                if (made == null) {
                    made = Jdbi.create(dataSource);
                    // The SQL is plain text with :parameters, no <attribute> templates; Jdbi's default engine ran a
                    // lexer over every statement to find them (~13 ms of a short command's first statement).
                    made.setTemplateEngine(TemplateEngine.NOP);
                    jdbi = made;
                }
            }
        }
        return made;
    }

    /** A connection of its own (from the pool, on PostgreSQL); the caller closes it. */
    public java.sql.Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new CaseException("cannot open the case store " + location.display() + ": " + e.getMessage(), e);
        }
    }

    public StoreLocation location() {
        return location;
    }

    public boolean sqlite() {
        return location.sqlite();
    }

    @Override
    public void close() {
        // SQLite first: the check alone would load HikariCP's classes, which a SQLite store never uses
        if (!location.sqlite() && dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
