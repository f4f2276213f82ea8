package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.intel.IpMatch;
import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.Place;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh against a local HTTP server started by the test (never the internet). */
class ListRefresherTest {

    @TempDir
    Path folder;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/meta", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ListSource source(String path) {
        return new ListSource("github-git", "github-meta", null,
                "http://127.0.0.1:" + server.getAddress().getPort() + path, folder.resolve("cache/meta.json"),
                List.of("git"), List.of(), List.of(), Map.of("Authorization", "Bearer ${TEST_TOKEN}"),
                Place.of("vigil.yaml"));
    }

    @Test
    void refreshDownloadsIntoTheCacheWithTheTokenFromTheEnvironmentAndLoadingReadsTheCache() {
        body.set("{\"git\": [\"140.82.112.0/20\", \"2a0a:a440::/29\"]}");

        ListRefresher.Outcome outcome = new ListRefresher(Map.of("TEST_TOKEN", "t0k3n")).refresh(source("/meta"));

        assertThat(outcome.refreshed()).isTrue();
        assertThat(outcome.entries()).isEqualTo(2);
        assertThat(authorization.get()).isEqualTo("Bearer t0k3n");
        assertThat(Files.exists(folder.resolve("cache/meta.json"))).isTrue();
        server.stop(0);
        ConfigErrors errors = new ConfigErrors();
        IpList list = ListFiles.load(source("/meta"), errors).orElseThrow();
        assertThat(list.match("140.82.113.1").map(IpMatch::range)).contains("140.82.112.0/20");
    }

    @Test
    void aBrokenDownloadLeavesTheGoodCacheInPlace() throws IOException {
        body.set("{\"git\": [\"140.82.112.0/20\"]}");
        new ListRefresher(Map.of("TEST_TOKEN", "x")).refresh(source("/meta"));
        body.set("<html>rate limited</html>");

        ListRefresher.Outcome outcome = new ListRefresher(Map.of("TEST_TOKEN", "x")).refresh(source("/meta"));

        assertThat(outcome.refreshed()).isFalse();
        assertThat(outcome.problem()).contains("not a valid github-meta list").contains("cache was left as it was");
        assertThat(Files.readString(folder.resolve("cache/meta.json"))).contains("140.82.112.0/20");
        try (var files = Files.list(folder.resolve("cache"))) {
            assertThat(files).as("no temporary file is left").hasSize(1);
        }
    }

    @Test
    void anHttpErrorIsReportedWithoutTheToken() {
        ListRefresher.Outcome outcome = new ListRefresher(Map.of("TEST_TOKEN", "s3cr3t")).refresh(source("/missing"));

        assertThat(outcome.refreshed()).isFalse();
        assertThat(outcome.problem()).contains("HTTP 404").doesNotContain("s3cr3t");
    }

    @Test
    void aMissingTokenVariableIsNamed() {
        ListRefresher.Outcome outcome = new ListRefresher(Map.of()).refresh(source("/meta"));

        assertThat(outcome.refreshed()).isFalse();
        assertThat(outcome.problem()).contains("environment variable TEST_TOKEN is not set");
    }
}
