package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path examples() {
        return Path.of("src/test/resources/dev/vigil/ingest");
    }

    @Test
    void theExamplesPrintAsAnAlignedTableAndExitZero() {
        Run run = run("findings", examples().toString());
        assertThat(run.exitCode()).isEqualTo(0);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TIME").contains("ACCOUNT", "TYPE", "SEVERITY", "RESOURCE", "REMOTE");
        assertThat(lines).hasSize(17);
        int typeColumn = lines.get(0).indexOf("TYPE");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(typeColumn - 1)).isEqualTo(' '));
        assertThat(run.out()).contains("140.82.112.4:22 (GITHUB)").contains("165.227.16.16:8443");
        assertThat(run.err()).contains("read 16, accepted 16, rejected 0");
    }

    @Test
    void ndjsonHasOneNormalizedFindingPerLine() throws IOException {
        Run run = run("findings", examples().resolve("eventbridge-guardduty-finding.json").toString(), "--format", "ndjson");
        assertThat(run.exitCode()).isEqualTo(0);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode finding = Json.mapper().readTree(lines.get(0));
        assertThat(finding.path("id").asText()).isEqualTo("b4d5f6a7c8e9f0a1b2c3d4e5f6a7b8c9");
        assertThat(finding.path("type").asText()).isEqualTo("Behavior:EC2/NetworkPortUnusual");
        assertThat(finding.path("accountId").asText()).isEqualTo("444455556666");
        assertThat(finding.path("region").asText()).isEqualTo("us-east-1");
        assertThat(finding.path("severity").path("label").asText()).isEqualToIgnoringCase("medium");
        assertThat(finding.path("createdAt").asText()).isEqualTo("2025-03-06T09:01:17Z");
        assertThat(finding.path("resource").path("instance").path("id").asText()).isEqualTo("i-0d45e67f89a01b234");
        assertThat(finding.path("action").path("actionType").asText()).isEqualTo("NETWORK_CONNECTION");
        assertThat(finding.path("action").path("remote").path("port").asInt()).isEqualTo(22);
        assertThat(finding.has("raw")).isFalse();
    }

    @Test
    void ndjsonLinesStartWithTheirObjectAndKeepTheTagsInTheOrderTheyCameIn() throws IOException {
        Path input = examples().resolve("guardduty-s3-export.ndjson");
        Run run = run("findings", input.toString(), "--format", "ndjson");
        assertThat(run.exitCode()).isEqualTo(0);
        List<String> lines = run.out().lines().toList();
        List<String> records = Files.readAllLines(input).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(records.size()).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode tags = Json.mapper().readTree(records.get(i)).path("resource").path("instanceDetails").path("tags");
            List<String> sourceOrder = new java.util.ArrayList<>();
            tags.forEach(tag -> sourceOrder.add(tag.path("key").asText()));
            List<String> printedOrder = new java.util.ArrayList<>();
            Json.mapper().readTree(lines.get(i)).path("resource").path("instance").path("tags").fieldNames()
                    .forEachRemaining(printedOrder::add);
            assertThat(printedOrder).as("line %d", i + 1).isEqualTo(sourceOrder);
        }
        assertThat(run("findings", input.toString(), "--format", "ndjson").out()).isEqualTo(run.out());
    }

    @Test
    void triageNdjsonOnStandardOutputIsOneObjectPerLineFromItsFirstColumn() throws IOException {
        Path input = examples().resolve("guardduty-s3-export.ndjson");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // standard output itself, so the verdicts take the byte path (JsonStream on Stdout's bytes)
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(Main.run("triage", input.toString(), "--no-store", "--format", "ndjson")).isEqualTo(0);
        } finally {
            System.setOut(oldOut);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(11).allSatisfy(line -> {
            assertThat(line).startsWith("{\"findingId\":");
            assertThat(Json.mapper().readTree(line).path("disposition").asText()).isNotEmpty();
        });
    }

    @Test
    void jsonIsOneArray() throws IOException {
        Run run = run("findings", examples().toString(), "--format", "json");
        JsonNode array = Json.mapper().readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(16);
    }

    @Test
    void aCorruptedFileExitsThreeKeepsTheRestAndWritesTheBadRecordToTheRejectsFile(@TempDir Path dir) throws IOException {
        String good = Files.readAllLines(examples().resolve("guardduty-s3-export.ndjson")).get(0);
        String bad = good.substring(0, 120);
        Files.writeString(dir.resolve("export.ndjson"), good + "\n" + bad + "\n" + good.replace("a1c2e3f4", "ffffffff") + "\n");
        Path rejects = dir.resolve("out/rejects.ndjson");
        Run run = run("findings", dir.resolve("export.ndjson").toString(), "--format", "ndjson", "--rejects", rejects.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err()).contains("export.ndjson:2: not JSON: unexpected end of input at column 121")
                .contains("read 3, accepted 2, rejected 1");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(1);
        JsonNode rejected = Json.mapper().readTree(lines.get(0));
        assertThat(rejected.path("source").asText()).endsWith("export.ndjson");
        assertThat(rejected.path("place").asText()).isEqualTo("2");
        assertThat(rejected.path("reason").asText()).startsWith("not JSON");
        assertThat(rejected.path("raw").asText()).isEqualTo(bad);
    }

    @Test
    void aDashReadsStdinAndNamesItDashInRejections() {
        java.io.InputStream oldIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("{\"id\":\"s1\",\"type\":\"Recon:EC2/Portscan\",\"severity\":2,"
                    + "\"accountId\":\"111122223333\"}\n{\"id\":\"s2\"}\n").getBytes(StandardCharsets.UTF_8)));
            Run run = run("findings", "-", "--format", "ndjson");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out().lines()).hasSize(1);
            assertThat(run.err()).contains("vigil: -:2: ").contains("read 2, accepted 1, rejected 1");
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void aMissingInputIsAUsageErrorWithExitTwo() {
        Run run = run("findings", "no/such/dir");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file or directory: no/such/dir");
    }

    @Test
    void anUnknownInputFormatIsAUsageError() {
        Run run = run("findings", examples().toString(), "--input-format", "csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown input format 'csv'").contains("guardduty, eventbridge, asff, ecs");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("findings", "--no-such-option").exitCode()).isEqualTo(2);
    }

    @Test
    void helpShowsAnExampleAndTheExitCodes() {
        Run run = run("findings", "--help");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("./vigil findings examples/findings").contains("3   some records rejected");
    }
}
