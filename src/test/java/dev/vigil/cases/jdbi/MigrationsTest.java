package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9.]+)__.*\\.sql");

    @Test
    void theLatestVersionIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path directory = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        String newest;
        try (Stream<Path> files = Files.list(directory)) {
            newest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .max(StoreDatabase::compareVersions)
                    .orElseThrow();
        }
        for (var migration : StoreDatabase.MIGRATIONS.java()) {
            String version = migration.getVersion().getVersion();
            newest = StoreDatabase.compareVersions(version, newest) > 0 ? version : newest;
        }
        assertThat(StoreDatabase.MIGRATIONS.latest())
                .as("StoreDatabase.MIGRATIONS.latest() must name the newest migration (a file in db/migration or a Java one), or stores are never migrated to it")
                .isEqualTo(newest);
    }

    @Test
    void versionsCompareAsNumbersPartByPart() {
        assertThat(StoreDatabase.compareVersions("2", "10")).isNegative();
        assertThat(StoreDatabase.compareVersions("1.10", "1.9")).isPositive();
        assertThat(StoreDatabase.compareVersions("2.0", "2")).isZero();
        assertThat(StoreDatabase.compareVersions("1", "1")).isZero();
    }
}
