package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TriageCommandTest {

    private static final String BEHAVIOURS = "examples/findings/triage-behaviours.ndjson";

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs vigil; a triage without --db runs with --no-store, so that the tests never touch the user's default store. */
    private static Run vigil(String... args) {
        if (args.length > 0 && args[0].equals("triage") && !List.of(args).contains("--db")) {
            String[] inMemory = java.util.Arrays.copyOf(args, args.length + 1);
            inMemory[args.length] = "--no-store";
            args = inMemory;
        }
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Map<String, JsonNode> byTitle(String ndjson) throws IOException {
        Map<String, JsonNode> verdicts = new LinkedHashMap<>();
        for (String line : ndjson.split("\n")) {
            JsonNode verdict = Json.mapper().readTree(line);
            verdicts.put(verdict.get("findingId").asText(), verdict);
        }
        return verdicts;
    }

    @Test
    void theExampleFindingsShowEveryBehaviourAsNdjsonWithTheRequiredFields() throws IOException {
        Run run = vigil("triage", BEHAVIOURS, "--config", "examples/vigil.yaml", "--format", "ndjson");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> verdicts = List.copyOf(byTitle(run.out()).values());
        assertThat(verdicts).hasSize(12);
        for (JsonNode verdict : verdicts) {
            assertThat(verdict.fieldNames()).toIterable().contains("findingId", "type", "accountId", "disposition",
                    "severity", "playbook", "rules", "questions", "facts", "nextSteps", "caseKey");
            assertThat(verdict.has("checklist")).isFalse();
        }
        assertThat(verdicts).extracting(v -> v.get("disposition").asText() + " " + v.get("severity").asText()
                + " " + (v.has("decidedBy") ? v.get("decidedBy").asText() : "(GuardDuty's severity)"))
                .containsExactly(
                        "investigate low github-ssh-team-not-using-flux",   // 2, team not known to use Flux
                        "escalate high exploitation-port",                  // 3
                        "escalate high production-account",                 // 4
                        "investigate medium questions-cannot-be-answered",  // 8 (first of the pair for 5)
                        "escalate high same-pattern-several-instances",     // 5
                        "investigate medium common-unexpected-port",        // 6
                        "investigate medium questions-cannot-be-answered",  // 8
                        "expected low seen-before",                         // 7
                        "expected low exposed-by-design",                   // 10
                        "escalate high probed-port-not-declared-public",    // 10
                        "escalate high (GuardDuty's severity)",             // 11, TorClient's band
                        "false_positive medium guardduty-sample");          // 13
        JsonNode github = verdicts.get(0);
        assertThat(github.get("facts").get("accountName").asText()).isEqualTo("data-sandbox");
        assertThat(github.get("nextSteps").get(0).asText()).contains("data-science@example.com");
        assertThat(run.err()).contains("read 12, accepted 12, rejected 0")
                .contains("triaged 12: escalate 5, investigate 4, expected 2, acknowledged 0, false_positive 1; high 5, medium 4, low 3");
    }

    @Test
    void theSameInputAndConfigGiveTheSameVerdicts() {
        Run first = vigil("triage", "examples/findings", "--config", "examples/vigil.yaml", "--format", "ndjson", "--explain");
        Run second = vigil("triage", "examples/findings", "--config", "examples/vigil.yaml", "--format", "ndjson", "--explain");
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
    }

    @Test
    void theTableShowsTheDecidingRuleAndExplainAddsTheTrace() {
        Run table = vigil("triage", BEHAVIOURS, "--config", "examples/vigil.yaml");
        assertThat(table.out()).startsWith("DISPOSITION").contains("same-pattern-several-instances")
                .contains("data-sandbox").contains("140.82.113.3:22");

        Run explained = vigil("triage", BEHAVIOURS, "--config", "examples/vigil.yaml", "--explain");
        assertThat(explained.out())
                .contains("rule seen-before [lower:low,disposition:expected]: instance i-0d5a1b2c3d4e5f601 communicated with"
                        + " 198.51.100.180:5000 before")
                .contains("(severity lowered from medium to low)")
                .contains("? Is the destination port a standard port (not an unusual one)? (question 3) -> no (port=5000)");
    }

    @Test
    void markdownIsReadyToPasteIntoAGithubIssue() {
        Run run = vigil("triage", BEHAVIOURS, "--config", "examples/vigil.yaml", "--format", "markdown", "--explain");
        assertThat(run.out()).contains("### escalate · high · `Recon:EC2/PortProbeUnprotectedPort`")
                .contains("- [ ] Escalate to the IGOR Team Leads immediately")
                .contains("<summary>Checklist</summary>");
    }

    @Test
    void withoutAConfigWhatNeedsTheUsersDataIsUnknown() throws IOException {
        Run run = vigil("triage", BEHAVIOURS, "--format", "ndjson");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode github = byTitle(run.out()).values().iterator().next();
        assertThat(github.get("questions").findValuesAsText("answer")).contains("unknown");
        assertThat(github.get("disposition").asText()).isEqualTo("investigate");
        assertThat(github.get("nextSteps").get(0).asText()).contains("(unknown contact)");
    }

    @Test
    void asOfAfterTheAcknowledgementExpiresTurnsRootCredentialUseIntoAnInvestigation() throws IOException {
        Run acknowledged = vigil("triage", "examples/findings/get-findings-pascalcase.json", "--format", "ndjson", "--as-of", "2026-11-25");
        Run expired = vigil("triage", "examples/findings/get-findings-pascalcase.json", "--format", "ndjson", "--as-of", "2027-07-01");

        JsonNode before = byTitle(acknowledged.out()).values().stream()
                .filter(v -> v.get("type").asText().equals("Policy:IAMUser/RootCredentialUsage")).findFirst().orElseThrow();
        JsonNode after = byTitle(expired.out()).values().stream()
                .filter(v -> v.get("type").asText().equals("Policy:IAMUser/RootCredentialUsage")).findFirst().orElseThrow();
        assertThat(before.get("disposition").asText()).isEqualTo("acknowledged");
        assertThat(after.get("disposition").asText()).isEqualTo("investigate");
        assertThat(after.get("rules").get(0).get("effect").asText()).isEqualTo("expired");
        assertThat(after.get("rules").get(0).get("summary").asText()).contains("#210").contains("expired on 2027-06-30");
    }

    @Test
    void rejectedRecordsAreCountedAndTheRestTriagedWithExitCode3() throws IOException {
        Path input = dir.resolve("mixed.ndjson");
        Files.writeString(input, Files.readAllLines(Path.of(BEHAVIOURS)).get(0) + "\n{\"not\": \"a finding\"}\n");
        Path rejects = dir.resolve("rejects.ndjson");
        Run run = vigil("triage", input.toString(), "--rejects", rejects.toString(), "--format", "ndjson");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.err()).contains("rejected 1").contains("triaged 1:");
        assertThat(Files.readString(rejects)).contains("not");
    }

    @Test
    void aRunThatFailsToStartKeepsNoRejects() throws IOException {
        Path input = dir.resolve("mixed.ndjson");
        Files.writeString(input, Files.readAllLines(Path.of(BEHAVIOURS)).get(0) + "\n{\"not\": \"a finding\"}\n");
        Files.writeString(dir.resolve("vigil.yaml"), "lists:\n  x:\n    kind: nope\n");
        Path rejects = dir.resolve("rejects.ndjson");
        Run run = vigil("triage", input.toString(), "--config", dir.resolve("vigil.yaml").toString(), "--rejects",
                rejects.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rejects).as("the records are rejected again by the run that starts").doesNotExist();
    }

    @Test
    void anEmptyInputIsNoFindingsNotARejection() throws IOException {
        Path empty = Files.writeString(dir.resolve("none-since-last-run.ndjson"), "");
        Path rejects = dir.resolve("rejects.ndjson");
        Run run = vigil("triage", empty.toString(), "--config", "examples/vigil.yaml", "--rejects", rejects.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("no findings\n");
        assertThat(run.err()).contains("read 0, accepted 0, rejected 0").contains("triaged 0:");
        assertThat(rejects).satisfiesAnyOf(file -> assertThat(file).doesNotExist(), file -> assertThat(file).isEmptyFile());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = vigil("triage", BEHAVIOURS, "--format", "yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--format'")
                .contains("expected one of [TABLE, JSON, NDJSON, MARKDOWN] (case-insensitive) but was 'yaml'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void invalidPlaybooksStopTriageWithEveryErrorAndExitCode2() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nversion: \"1\"\ntitle: bad\ncovers: [X:Y/Z]\nrules:\n"
                + "  - id: r\n    when: port.isStandrd()\n    summary: s\n");
        Run run = vigil("triage", BEHAVIOURS, "--playbooks", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(dir.resolve("bad.yaml") + ":7:16: playbook_unknown_function: rule \"r\": unknown"
                + " function \"isStandrd\"; did you mean \"isStandard\"?");
    }

    @Test
    void aBadConfigStopsTriageThoughTheReaderStartedFirstAndNothingIsSaidOfReading() throws IOException {
        Files.writeString(dir.resolve("vigil.yaml"), "lists:\n  x:\n    kind: nope\n");
        Run run = vigil("triage", "examples/findings", "--config", dir.resolve("vigil.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("vigil.yaml:3:11: unknown_list_kind: list x: unknown kind \"nope\"")
                .doesNotContain("read 28").doesNotContain("triaged");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void playbooksCheckReportsEveryErrorAndExits2() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nversion: \"1\"\ntitle: bad\ncovers: [X:Y/Z]\ncolour: red\n"
                + "rules:\n  - id: r\n    when: remote.port == 'x'\n    summary: s\n");
        Run run = vigil("playbooks", "check", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("bad.yaml:5:1: playbook_unknown_key").contains("bad.yaml:8:23: playbook_type_error")
                .contains("2 errors");
        Run valid = vigil("playbooks", "check", "examples/playbooks");
        assertThat(valid.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(valid.out()).contains("ok: 7 playbooks valid");
    }

    @Test
    void playbooksListShowsIdVersionCoversAndSource() {
        Run run = vigil("playbooks", "list", "--playbooks", "examples/playbooks");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("crypto-mining").contains("CryptoCurrency:*")
                .contains("examples/playbooks/crypto-mining.yaml").contains("bundled:playbooks/network-port-unusual.yaml");
    }

    @Test
    void playbooksReferenceIsTheCommittedReference() throws IOException {
        Run run = vigil("playbooks", "reference");
        assertThat(run.out()).isEqualTo(Files.readString(Path.of("docs/playbook-reference.md")));
    }
}
