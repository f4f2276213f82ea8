package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil triage} with its store: findings and verdicts stored once, cases opened, history across runs. */
class TriageStoreTest {

    private static final Path BEHAVIOURS = Path.of("examples/findings/triage-behaviours.ndjson");

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run vigil(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void triageStoresEveryFindingOnceAndOpensCasesForTheOnesNotSuppressed() {
        String db = directory.resolve("vigil.db").toString();

        Run first = vigil("triage", BEHAVIOURS.toString(), "--config", "examples/vigil.yaml", "--db", db);
        Run again = vigil("triage", BEHAVIOURS.toString(), "--config", "examples/vigil.yaml", "--db", db);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).containsPattern("stored 12, updated 0, unchanged 0, cases opened \\d+ in jdbc:sqlite:");
        assertThat(again.err()).contains("stored 0, updated 0, unchanged 12, cases opened 0");
        Run cases = vigil("cases", "list", "--db", db, "--all", "--limit", "100");
        assertThat(cases.out().lines().skip(1).count()).as(cases.out()).isBetween(1L, 11L);
        assertThat(cases.out()).contains("Behavior:EC2/NetworkPortUnusual").doesNotContain("C-000012");
        Run shown = vigil("cases", "show", "C-000001", "--db", db);
        assertThat(shown.out()).as("the playbook's steps became the case's checklist").contains("Checklist", "  containment",
                "[ ] ").doesNotContain("the playbook lists no steps");
    }

    @Test
    void yesterdaysImportMakesTodaysRepeatExpected() throws IOException {
        List<String> lines = Files.readAllLines(BEHAVIOURS);
        Path yesterday = directory.resolve("yesterday.ndjson");
        Path today = directory.resolve("today.ndjson");
        Files.writeString(yesterday, lines.get(6) + "\n");
        Files.writeString(today, lines.get(7) + "\n");
        String db = directory.resolve("vigil.db").toString();

        Run alone = vigil("triage", today.toString(), "--config", "examples/vigil.yaml", "--no-store", "--format", "ndjson");
        vigil("triage", yesterday.toString(), "--config", "examples/vigil.yaml", "--db", db);
        Run repeat = vigil("triage", today.toString(), "--config", "examples/vigil.yaml", "--db", db, "--format", "ndjson");

        JsonNode withoutHistory = Json.mapper().readTree(alone.out());
        JsonNode withHistory = Json.mapper().readTree(repeat.out());
        assertThat(withoutHistory.get("disposition").asText()).isEqualTo("investigate");
        assertThat(withHistory.get("disposition").asText()).as(repeat.out()).isEqualTo("expected");
        assertThat(withHistory.get("severity").asText()).isEqualTo("low");
    }

    @Test
    void metricsNameTheBundledSuppressionRulesThatNeverFired() {
        String db = directory.resolve("vigil.db").toString();
        vigil("triage", BEHAVIOURS.toString(), "--config", "examples/vigil.yaml", "--db", db);

        Run metrics = vigil("metrics", "--db", db, "--since", "2000-01-01");

        assertThat(metrics.exitCode()).as(metrics.err()).isZero();
        assertThat(metrics.out()).containsPattern("guardduty-sample\\s+false_positive\\s+1")
                .contains("never fired in the window");
    }

    @Test
    void noStoreStoresNothing() {
        String db = directory.resolve("vigil.db").toString();
        Run run = vigil("triage", BEHAVIOURS.toString(), "--config", "examples/vigil.yaml", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("stored ");
        assertThat(Path.of(db)).doesNotExist();
    }
}
