package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cases.CaseStore;
import dev.vigil.cases.FindingRecorder;
import dev.vigil.cases.StoreLocation;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import dev.vigil.triage.Answer;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Facts;
import dev.vigil.triage.Level;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Step;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil cases ...} and {@code vigil metrics} through the real command line, on a temporary SQLite store. */
class CasesCommandTest {

    @TempDir
    Path directory;
    String db;

    record Run(int exitCode, String out, String err) {
    }

    Run vigil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @BeforeEach
    void storeTwoCasesAndASuppressedFinding() {
        db = directory.resolve("cases.db").toString();
        Instant monday = Instant.parse("2026-11-23T09:00:00Z");
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()));
             FindingRecorder recorder = store.recorder()) {
            Finding exploit = finding("f-exploit", "i-0aaa", "198.51.100.7", 4444, monday);
            recorder.add(exploit, verdict(exploit, Disposition.ESCALATE, Level.HIGH, "exploitation-port"));
            Finding ssh = finding("f-ssh", "i-0bbb", "203.0.113.20", 22, monday.plusSeconds(3600));
            recorder.add(ssh, verdict(ssh, Disposition.INVESTIGATE, Level.MEDIUM, "common-port-development"));
            Finding known = finding("f-known", "i-0ccc", "165.227.16.16", 443, monday);
            recorder.add(known, verdict(known, Disposition.FALSE_POSITIVE, Level.LOW, "known-host"));
        }
    }

    @Test
    void listShowsTheOpenCasesMostSevereFirst() {
        Run run = vigil("cases", "list", "--db", db);

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("STATE", "SEVERITY", "FINDINGS", "TITLE");
        assertThat(lines.get(1)).startsWith("C-000001").contains("open", "high", "i-0aaa -> 198.51.100.7:4444");
        assertThat(lines.get(2)).startsWith("C-000002").contains("medium");
        assertThat(lines).hasSize(3);
    }

    @Test
    void listFiltersByStateAndSeverity() {
        vigil("cases", "move", "C-000002", "investigating", "--db", db, "--actor", "alice");

        assertThat(vigil("cases", "list", "--db", db, "--state", "investigating").out()).contains("C-000002")
                .doesNotContain("C-000001");
        assertThat(vigil("cases", "list", "--db", db, "--severity", "high").out()).contains("C-000001")
                .doesNotContain("C-000002");
    }

    @Test
    void showPrintsSummaryFactsVerdictChecklistAndTimeline() {
        Run run = vigil("cases", "show", "C-000001", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("C-000001  Behavior:EC2/NetworkPortUnusual: i-0aaa -> 198.51.100.7:4444",
                "state open, severity high", "Facts", "payments@example.com", "198.51.100.7:4444 (DigitalOcean, LLC)",
                "rule exploitation-port [raise:high]", "evidence: {port=4444}",
                "no: Is the destination port a standard port?", "Checklist", "  containment",
                "[ ] 2. snapshot-instance: Snapshot the instance", "Metrics", "time to detection 10m 00s",
                "Timeline", "opened: opened by Behavior:EC2/NetworkPortUnusual finding f-exploit");
    }

    @Test
    void moveCheckAndNoteAreRecordedWithTheActorOnTheTimeline() {
        assertThat(vigil("cases", "move", "1", "investigating", "--note", "asked #payments", "--actor", "alice", "--db", db)
                .out()).contains("C-000001 is now investigating");
        assertThat(vigil("cases", "check", "1", "snapshot-instance", "--note", "snap-0abc", "--actor", "bob", "--db", db)
                .out()).contains("[x] 2. snapshot-instance (containment) checked off by bob");
        assertThat(vigil("cases", "note", "1", "owner", "is", "on", "it", "--actor", "carol", "--db", db).exitCode()).isZero();

        String shown = vigil("cases", "show", "C-000001", "--db", db).out();
        assertThat(shown).contains("alice  moved: moved to investigating: asked #payments",
                "bob  step_checked: containment/snapshot-instance done: snap-0abc",
                "carol  note: owner is on it",
                "[x] 2. snapshot-instance: Snapshot the instance  (bob, ");
    }

    @Test
    void anInvalidMoveExitsWithUsageErrorNamingTheAllowedMoves() {
        Run run = vigil("cases", "move", "C-000001", "eradicated", "--db", db);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("vigil: case C-000001 is open and cannot move to eradicated; it can move to "
                + "investigating, or closed as a false positive (--false-positive)");
    }

    @Test
    void aCaseCanBeClosedAsAFalsePositiveFromAnyState() {
        Run run = vigil("cases", "move", "C-000002", "false-positive", "--note", "Flux pulls from GitHub", "--db", db);

        assertThat(run.out()).contains("C-000002 is now closed (false_positive)");
        assertThat(vigil("cases", "list", "--db", db).out()).doesNotContain("C-000002");
        assertThat(vigil("cases", "list", "--db", db, "--all").out()).contains("closed (fp)");
    }

    @Test
    void unknownCaseIdsStatesAndStepsAreClearErrors() {
        Run unknownCase = vigil("cases", "show", "C-000099", "--db", db);
        assertThat(unknownCase.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCase.err()).contains("no case C-000099 in this store");

        Run badId = vigil("cases", "show", "case-one", "--db", db);
        assertThat(badId.err()).contains("\"case-one\" is not a case id; case ids look like C-000123");

        Run badState = vigil("cases", "move", "1", "contaned", "--db", db);
        assertThat(badState.err()).contains("unknown case state \"contaned\"; did you mean \"contained\"?");

        Run badStep = vigil("cases", "check", "1", "snapshot", "--db", db);
        assertThat(badStep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStep.err()).contains("case C-000001 has no step \"snapshot\"; did you mean \"snapshot-instance\"?");
    }

    @Test
    void exportWritesAGithubIssueBodyWithTheChecklistAsTasks() {
        vigil("cases", "check", "1", "gather-basics", "--note", "payments-prod, payments@example.com", "--actor", "alice",
                "--db", db);
        Run run = vigil("cases", "export", "C-000001", "--format", "markdown", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("## C-000001: Behavior:EC2/NetworkPortUnusual: i-0aaa -> 198.51.100.7:4444")
                .contains("| Severity | high (GuardDuty up to 5.0) |", "### Verdict: escalate, high",
                        "| `exploitation-port` | raise:high |", "- [x] Identify the account, owner, destination and instance "
                                + "(`gather-basics`): alice", "- [ ] Snapshot the instance (`snapshot-instance`)",
                        "| Time to detection | 10m 00s |", "### Timeline");
        assertThat(run.err()).contains("[high] C-000001 Behavior:EC2/NetworkPortUnusual");
    }

    @Test
    void theStoreCanComeFromTheConfigsStoreUrl() throws Exception {
        Path config = directory.resolve("vigil.yaml");
        java.nio.file.Files.writeString(config, "store:\n  url: jdbc:sqlite:" + db + "\n");

        Run run = vigil("cases", "list", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("C-000001", "C-000002");
    }

    @Test
    void metricsCountsCasesPerTypeAndSeverityAndSuppressionsPerRule() {
        Run run = vigil("metrics", "--db", db, "--since", "2026-11-01");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Behavior:EC2/NetworkPortUnusual", "known-host", "false_positive");
        Run json = vigil("metrics", "--db", db, "--since", "2026-11-01", "--format", "json");
        assertThat(json.out()).contains("\"cases\" : 2", "\"rule\" : \"known-host\"", "\"hits\" : 1");
    }

    private static Finding finding(String id, String instance, String ip, int port, Instant firstSeen) {
        RemoteEndpoint remote = new RemoteEndpoint(ip, port, null, new Organization("14061", "DigitalOcean, LLC", null, null),
                "US", null, null);
        Resource resource = new Resource("Instance", new Instance(instance, "t3.micro", null, "running", "us-east-1a",
                Map.of(), List.of()), null, List.of(), List.of());
        return new Finding(id, null, FindingType.of("Behavior:EC2/NetworkPortUnusual"), "111122223333", "us-east-1", "aws",
                "Unusual port", "", firstSeen.plusSeconds(600), firstSeen.plusSeconds(600), firstSeen, firstSeen.plusSeconds(300),
                1, false, false, new Severity(5.0), resource,
                new Action.NetworkConnection("OUTBOUND", "TCP", "10.0.0.5", 40000, null, remote, false), "guardduty", null);
    }

    private static Verdict verdict(Finding finding, Disposition disposition, Level level, String rule) {
        RemoteEndpoint remote = finding.remote().orElseThrow();
        return new Verdict(finding.id(), finding.type().name(), finding.accountId(), disposition, level, "network-port-unusual",
                "2025-07-24",
                List.of(new RuleHit(rule, disposition.suppressed() ? "suppress" : "raise:" + level.id(), "because " + rule,
                        Map.of("port", remote.port()))),
                List.of(new Answer("standard-port", "Is the destination port a standard port?", "no", null)),
                new Facts(finding.accountId(), "payments-prod", "production", "payments-team", "payments@example.com",
                        "#payments", remote.ip(), remote.port(), "DigitalOcean, LLC", finding.instance().get().id(),
                        finding.eventFirstSeen(), finding.eventLastSeen(), "outbound"),
                List.of("Reach the system owner payments@example.com"),
                List.of(new Step("gather-basics", "triage", "Identify the account, owner, destination and instance"),
                        new Step("snapshot-instance", "containment", "Snapshot the instance"),
                        new Step("restrict-network", "containment", "Restrict network communications")),
                null);
    }
}
