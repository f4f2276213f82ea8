package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cases.CaseException;
import dev.vigil.cases.StoreLocation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How opening a store treats its schema, the same on SQLite and PostgreSQL (see the two subclasses): Flyway creates
 * or migrates it when needed, an up-to-date store opens with one query and no Flyway, and a store written by a newer
 * Vigil is refused. "Newer" is played by a test-only migration, {@code db/test-migration/V4__test_only.sql}.
 */
abstract class StoreSchemaContract {

    /** Vigil's migrations and one more: a Vigil from the future. */
    static final StoreDatabase.Migrations NEXT_VIGIL = new StoreDatabase.Migrations(
            List.of("classpath:db/migration", "classpath:db/test-migration"), StoreDatabase.MIGRATIONS.java(), "4");

    /** A new, empty database for one test. */
    abstract StoreLocation emptyStore() throws Exception;

    StoreLocation location;

    @BeforeEach
    void createDatabase() throws Exception {
        location = emptyStore();
    }

    @Test
    void aNewDatabaseGetsTheSchema() {
        try (StoreDatabase database = StoreDatabase.open(location)) {
            assertThat(database.migrated()).isTrue();
            assertThat(appliedVersions(database)).containsExactly("1", "2", StoreDatabase.MIGRATIONS.latest());
            assertThat(count(database, "cases")).isZero();
        }
    }

    @Test
    void anUpToDateDatabaseOpensWithoutFlyway() {
        StoreDatabase.open(location).close();

        try (StoreDatabase database = StoreDatabase.open(location)) {
            assertThat(database.migrated()).isFalse();
            assertThat(appliedVersions(database)).containsExactly("1", "2", StoreDatabase.MIGRATIONS.latest());
        }
    }

    @Test
    void aDatabaseWithAnOlderSchemaIsMigrated() {
        StoreDatabase.open(location).close();

        try (StoreDatabase database = StoreDatabase.open(location, NEXT_VIGIL)) {
            assertThat(database.migrated()).isTrue();
            assertThat(appliedVersions(database)).containsExactly("1", "2", "3", "4");
            assertThat(count(database, "test_only_v4")).isZero();
        }
        try (StoreDatabase database = StoreDatabase.open(location, NEXT_VIGIL)) {
            assertThat(database.migrated()).isFalse();
        }
    }

    @Test
    void aDatabaseFromANewerVigilIsRefusedWithWhatToDo() {
        StoreDatabase.open(location, NEXT_VIGIL).close();

        assertThatThrownBy(() -> StoreDatabase.open(location))
                .isInstanceOf(CaseException.class)
                .hasMessageContaining("the case store " + location.display())
                .hasMessageContaining("has schema version 4, newer than this Vigil knows (3)")
                .hasMessageContaining("choose another store with --db");
    }

    @Test
    void aFailedMigrationIsLeftToFlywayToReport() {
        StoreDatabase.open(location).close();
        try (StoreDatabase database = StoreDatabase.open(location)) {
            database.jdbi().useHandle(handle -> handle.execute("UPDATE flyway_schema_history SET success = ?", false));
        }

        assertThatThrownBy(() -> StoreDatabase.open(location))
                .isInstanceOf(CaseException.class)
                .hasMessageContaining("cannot prepare the case store " + location.display())
                .hasMessageContaining("failed migration");
    }

    private static long count(StoreDatabase database, String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class).one());
    }

    private static List<String> appliedVersions(StoreDatabase database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }
}
