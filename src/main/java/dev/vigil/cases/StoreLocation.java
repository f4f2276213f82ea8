package dev.vigil.cases;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the case store lives: a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}).
 * Chosen, first match wins, from {@code --db} (a path or a JDBC URL), the {@code VIGIL_DB} environment variable,
 * the config's {@code store.url}, and the default {@code $VIGIL_HOME/vigil.db}, else
 * {@code $XDG_DATA_HOME/vigil/vigil.db}, else {@code ~/.local/share/vigil/vigil.db}.
 * PostgreSQL credentials come from the URL or from {@code VIGIL_DB_USER} / {@code VIGIL_DB_PASSWORD}, never from a flag.
 */
public record StoreLocation(String url, String user, String password) {

    public static StoreLocation of(String pathOrUrl) {
        return of(pathOrUrl, System.getenv());
    }

    public static StoreLocation of(String pathOrUrl, Map<String, String> environment) {
        String url = pathOrUrl.startsWith("jdbc:") ? pathOrUrl : "jdbc:sqlite:" + Path.of(pathOrUrl).toAbsolutePath();
        return new StoreLocation(url, environment.get("VIGIL_DB_USER"), environment.get("VIGIL_DB_PASSWORD"));
    }

    /** The store to use given the {@code --db} option and the config's {@code store.url} (either may be null). */
    public static StoreLocation resolve(String option, String configured, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return of(option, environment);
        }
        String fromEnvironment = environment.get("VIGIL_DB");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return of(fromEnvironment, environment);
        }
        if (configured != null && !configured.isBlank()) {
            return of(configured, environment);
        }
        return of(defaultPath(environment).toString(), environment);
    }

    public static Path defaultPath(Map<String, String> environment) {
        String home = environment.get("VIGIL_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "vigil.db");
        }
        String dataHome = environment.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isBlank()) {
            return Path.of(dataHome, "vigil", "vigil.db");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "vigil", "vigil.db");
    }

    public boolean sqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The URL without credentials, for messages. */
    public String display() {
        return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***").replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return display();
    }
}
