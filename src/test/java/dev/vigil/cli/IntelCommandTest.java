package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IntelCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void checkPrintsEveryListOfTheExampleConfigWithItsCounts() {
        int exit = run("intel", "check", "--config", "examples/vigil.yaml");

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString())
                .containsPattern("github-git\\s+github-meta\\s+8\\s+6\\s+2")
                .containsPattern("tor-exits\\s+tor-exits\\s+6\\s+5\\s+1")
                .contains("known-hosts", "threat-intel")
                .contains("accounts: 4 from");
    }

    @Test
    void checkWithoutConfigShowsTheBundledKnownHostOnly() {
        int exit = run("intel", "check");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).containsPattern("known-hosts\\s+known-hosts\\s+1\\s+1\\s+0")
                .contains("no account directory configured");
    }

    @Test
    void checkExitsTwoListingEveryErrorOfAnInvalidSetup() throws IOException {
        Files.writeString(folder.resolve("bad.txt"), "192.0.2.1\n192.0.2.999\n");
        Files.writeString(folder.resolve("accounts.yaml"), "- id: \"1234\"\n");
        Path config = folder.resolve("vigil.yaml");
        Files.writeString(config, """
                lists:
                  threat-intel:
                    kind: cidr
                    path: bad.txt
                accounts:
                  path: accounts.yaml
                """);

        int exit = run("intel", "check", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("2 configuration errors")
                .contains("accounts.yaml:1:7: bad_account_id")
                .contains("bad.txt:2: bad_address: \"192.0.2.999\"");
    }

    @Test
    void lookupNamesTheListsHoldingAnAddressWithRangeAndNote() {
        int exit = run("intel", "lookup", "198.51.100.23", "--config", "examples/vigil.yaml");

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).containsPattern("threat-intel\\s+in 198.51.100.23/32  \\(command and control server")
                .containsPattern("github-git\\s+-");
    }

    @Test
    void lookupOfSomethingThatIsNotAnAddressIsAUsageError() {
        assertThat(run("intel", "lookup", "github.com")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("\"github.com\" is not an IP address");
    }

    @Test
    void refreshWithNoUrlListsSaysThereIsNothingToDo() {
        assertThat(run("intel", "refresh", "--config", "examples/vigil.yaml")).isEqualTo(0);
        assertThat(out.toString()).contains("nothing to refresh");
    }

    @Test
    void refreshDownloadsAUrlListFromALocalServerAndCheckThenReadsTheCache() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/torbulkexitlist", exchange -> {
            byte[] body = "185.220.101.1\n198.51.100.66\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path config = folder.resolve("vigil.yaml");
            Files.writeString(config, """
                    lists:
                      tor-exits:
                        kind: tor-exits
                        url: http://127.0.0.1:%d/torbulkexitlist
                        cache: cache/tor-exits.txt
                    """.formatted(server.getAddress().getPort()));

            assertThat(run("intel", "check", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("does not exist yet: run vigil intel refresh");

            assertThat(run("intel", "refresh", "--config", config.toString())).as(err.toString()).isEqualTo(0);
            assertThat(out.toString()).contains("tor-exits: 2 entries");
        } finally {
            server.stop(0);
        }
        out.getBuffer().setLength(0);
        assertThat(run("intel", "check", "--config", folder.resolve("vigil.yaml").toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("tor-exits\\s+tor-exits\\s+2");
    }
}
