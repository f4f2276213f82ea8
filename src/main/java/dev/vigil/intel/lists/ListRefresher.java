package dev.vigil.intel.lists;

import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.EnvironmentReferences;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads the lists that have a {@code url} into their {@code cache} files ({@code vigil intel refresh}). A download
 * replaces the cache only when it loads without errors, so a broken response never replaces a good cache.
 * Secrets in the URL or headers ({@code ${GITHUB_TOKEN}}) are expanded here and never printed.
 */
public final class ListRefresher {

    /** What happened to one list: the bytes written and entries loaded, or why not. */
    public record Outcome(String list, boolean refreshed, long bytes, int entries, String problem) {
    }

    private final HttpClient client;
    private final Map<String, String> environment;

    public ListRefresher(Map<String, String> environment) {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20))
                .build(), environment);
    }

    public ListRefresher(HttpClient client, Map<String, String> environment) {
        this.client = client;
        this.environment = Map.copyOf(environment);
    }

    public Outcome refresh(ListSource source) {
        ConfigErrors errors = new ConfigErrors();
        String url = EnvironmentReferences.expand(source.url(), environment, source.place(), errors);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET()
                    .header("User-Agent", "vigil-intel-refresh");
        } catch (IllegalArgumentException e) {
            return failed(source, "the url is not valid (" + e.getMessage() + "): fix url: in vigil.yaml");
        }
        source.headers().forEach((name, value) ->
                request.header(name, EnvironmentReferences.expand(value, environment, source.place(), errors)));
        if (!errors.isEmpty()) {
            return failed(source, errors.list().get(0).message());
        }
        Path cache = source.cache().toAbsolutePath();
        Path download = null;
        try {
            Files.createDirectories(cache.getParent());
            download = Files.createTempFile(cache.getParent(), cache.getFileName().toString(), ".download");
            HttpResponse<Path> response = client.send(request.build(), HttpResponse.BodyHandlers.ofFile(download));
            if (response.statusCode() != 200) {
                return failed(source, "the server answered HTTP " + response.statusCode() + " for " + source.url()
                        + ": check the url (and the token, if it needs one)");
            }
            ListSource downloaded = new ListSource(source.name(), source.kind(), download, null, null, source.keys(),
                    source.services(), source.regions(), Map.of(), source.place());
            ConfigErrors loadErrors = new ConfigErrors();
            Optional<IpList> list = ListFiles.load(downloaded, loadErrors);
            if (list.isEmpty()) {
                return failed(source, "the download is not a valid " + source.kind() + " list ("
                        + loadErrors.list().get(0).message() + "); the cache was left as it was");
            }
            long bytes = Files.size(download);
            Files.move(download, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(source.name(), true, bytes, list.get().size(), null);
        } catch (IOException e) {
            return failed(source, "download failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): check the network and the url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        } finally {
            if (download != null) {
                try {
                    Files.deleteIfExists(download);
                } catch (IOException ignored) {
                    // the temporary file is left behind
                }
            }
        }
    }

    private static Outcome failed(ListSource source, String problem) {
        return new Outcome(source.name(), false, 0, 0, problem);
    }
}
