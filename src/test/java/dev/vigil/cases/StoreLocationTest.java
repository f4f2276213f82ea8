package dev.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the store lives: --db, then VIGIL_DB, then the config's store.url, then the default under VIGIL_HOME or ~/.local/share. */
class StoreLocationTest {

    @Test
    void theDbOptionWinsOverTheEnvironmentAndTheConfig() {
        StoreLocation location = StoreLocation.resolve("/tmp/a.db", "jdbc:postgresql://db/vigil",
                Map.of("VIGIL_DB", "/tmp/b.db"));
        assertThat(location.url()).isEqualTo("jdbc:sqlite:/tmp/a.db");
    }

    @Test
    void theEnvironmentWinsOverTheConfigAndTheConfigOverTheDefault() {
        assertThat(StoreLocation.resolve(null, "/tmp/c.db", Map.of("VIGIL_DB", "/tmp/b.db")).url()).isEqualTo("jdbc:sqlite:/tmp/b.db");
        assertThat(StoreLocation.resolve(null, "jdbc:postgresql://db/vigil", Map.of()).url()).isEqualTo("jdbc:postgresql://db/vigil");
    }

    @Test
    void theDefaultIsUnderVigilHomeElseTheXdgDataHomeElseTheHomeDirectory() {
        assertThat(StoreLocation.defaultPath(Map.of("VIGIL_HOME", "/srv/vigil"))).isEqualTo(Path.of("/srv/vigil/vigil.db"));
        assertThat(StoreLocation.defaultPath(Map.of("XDG_DATA_HOME", "/home/a/.data"))).isEqualTo(Path.of("/home/a/.data/vigil/vigil.db"));
        assertThat(StoreLocation.defaultPath(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "vigil", "vigil.db"));
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowInMessages() {
        StoreLocation location = StoreLocation.of("jdbc:postgresql://db:5432/vigil?user=vigil&password=hunter2",
                Map.of("VIGIL_DB_PASSWORD", "s3cret"));
        assertThat(location.password()).isEqualTo("s3cret");
        assertThat(location.display()).doesNotContain("hunter2").contains("password=***");
        assertThat(location.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
    }
}
