package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real findings in ../shared/corpus/guardduty (outside the repository, next to the clone); skipped when it is
 * absent. {@code -Dvigil.corpus=DIR} points at another corpus folder (e.g. from a worktree one level deeper).
 */
class CorpusTest {

    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", "../shared/corpus")).resolve("guardduty");

    /** Records per file, counted by hand from the files (41 in all), with the first finding type of each. */
    static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("asff/custodian-securityhub-GetFindings-guardduty.findings.json", List.of("5",
                "Recon:IAMUser/ResourcePermissions"));
        EXPECTED.put("ecs-elastic/elastic-aws-guardduty-sample_event.json", List.of("1", "Discovery:Kubernetes/TorIPCaller"));
        EXPECTED.put("ecs-elastic/elastic-test-guard_duty-expected-Backdoor-EC2-DenialOfService.Tcp.json", List.of("1",
                "Backdoor:EC2/DenialOfService.Tcp"));
        EXPECTED.put("eventbridge/custodian-ec2-duty-event.json", List.of("1", "Backdoor:EC2/C&CActivity.B!DNS"));
        EXPECTED.put("native-camelcase/elastic-test-guard_duty-selected.ndjson", List.of("18", "Impact:S3/MaliciousIPCaller"));
        EXPECTED.put("native-camelcase/elastic-test-guardduty.log", List.of("5", "Trojan:EC2/BlackholeTraffic!DNS"));
        EXPECTED.put("native-camelcase/sekoia-event_accesskey_apicall.json", List.of("1", "UnauthorizedAccess:IAMUser/MaliciousIPCaller"));
        EXPECTED.put("native-camelcase/sekoia-event_accesskey_unusualbehavior.json", List.of("1", "Exfiltration:IAMUser/AnomalousBehavior"));
        EXPECTED.put("native-camelcase/sekoia-event_container.json", List.of("1", "Execution:Container/SuspiciousFile"));
        EXPECTED.put("native-camelcase/sekoia-event_ekscluster.json", List.of("1", "Policy:Kubernetes/AdminAccessToDefaultServiceAccount"));
        EXPECTED.put("native-camelcase/sekoia-event_ekscluster_namespace.json", List.of("1",
                "Policy:Kubernetes/AdminAccessToDefaultServiceAccount"));
        EXPECTED.put("native-camelcase/sekoia-event_instance_portprobe.json", List.of("1", "Recon:EC2/PortProbeUnprotectedPort"));
        EXPECTED.put("native-pascalcase/alertchain-getfindings-Trojan-EC2-DropPoint-DNS.json", List.of("1", "Trojan:EC2/DropPoint!DNS"));
        EXPECTED.put("native-pascalcase/awscli-example-get-findings.json", List.of("1", "Recon:IAMUser/UserPermissions"));
        EXPECTED.put("native-pascalcase/cloudsploit-noActiveFindings-getFindings.json", List.of("2",
                "Stealth:IAMUser/CloudTrailLoggingDisabled"));
    }

    @BeforeAll
    static void corpusPresent() {
        boolean present = Files.isDirectory(CORPUS);
        if (!present) {
            System.out.println("CorpusTest: skipped, " + CORPUS.toAbsolutePath() + " is absent");
        }
        Assumptions.assumeTrue(present, "skipped: the shared corpus " + CORPUS.toAbsolutePath() + " is absent");
    }

    @Test
    void everyCorpusFileReadsWithoutRejectsAndWithTheExpectedCount() throws IOException {
        long total = 0;
        for (Map.Entry<String, List<String>> file : EXPECTED.entrySet()) {
            Reading reading = new Reading();
            ReadSummary summary = FindingReader.detecting().read(List.of(CORPUS.resolve(file.getKey()).toString()), reading);
            assertThat(reading.rejections).as(file.getKey()).isEmpty();
            assertThat(summary.accepted()).as(file.getKey()).isEqualTo(Long.parseLong(file.getValue().get(0)));
            assertThat(reading.findings.get(0).type().name()).as(file.getKey()).isEqualTo(file.getValue().get(1));
            total += summary.accepted();
        }
        assertThat(total).isEqualTo(41);
    }

    @Test
    void theWholeFolderReadsAs41FindingsInEveryFormat() throws IOException {
        Reading reading = new Reading();
        ReadSummary summary = FindingReader.detecting().read(List.of(CORPUS.toString()), reading);
        assertThat(summary).isEqualTo(new ReadSummary(41, 41, 0));
        Map<String, Long> byFormat = new LinkedHashMap<>();
        reading.findings.forEach(f -> byFormat.merge(f.sourceFormat(), 1L, Long::sum));
        assertThat(byFormat).containsEntry("asff", 5L).containsEntry("ecs", 2L).containsEntry("eventbridge", 1L)
                .containsEntry("guardduty", 33L);
    }

    @Test
    void realFindingsKeepTheirQuirks() throws IOException {
        Reading reading = new Reading();
        FindingReader.detecting().read(List.of(CORPUS.toString()), reading);
        Finding root = reading.byId("60bebb31f802c270ce9157b51e3d5e5a");
        assertThat(root.type().name()).isEqualTo("Policy:IAMUser/RootCredentialUsage");
        assertThat(root.createdAt()).as("CreatedAt is null in this GetFindings output").isNull();
        assertThat(root.resource().accessKey().userType()).isEqualTo("Root");
        assertThat(root.remote().orElseThrow().organization().asn()).isEqualTo("136030");
        assertThat(root.remote().orElseThrow().city()).isEqualTo("Lahore");

        Finding dropPoint = reading.byId("034f3664616c49cb85349d0511ecd306");
        assertThat(dropPoint.sample()).as("sample inside AdditionalInfo.Value").isTrue();
        assertThat(dropPoint.instance().orElseThrow().tags()).hasSize(9);

        Finding probe = reading.byId("ae7f69675d8744f78ab7ab2aab229d30");
        assertThat(((Action.PortProbe) probe.action()).probes()).extracting(Action.Probe::localPort).containsExactly(80, 443);

        Finding asff = reading.byId("14b53c819ce4bebac32c31842a5d85f9");
        assertThat(asff.type().name()).isEqualTo("Recon:IAMUser/UserPermissions");
        assertThat(asff.resource().accessKey().accessKeyId()).isEqualTo("AKIAJEZJDQQX4TZNRMKQ");
        assertThat(((Action.AwsApiCall) asff.action()).api()).isEqualTo("ListUsers");
        assertThat(asff.remote().orElseThrow().ip()).isEqualTo("4.53.193.152");

        Finding ecsOutbound = reading.byId("04bf27df0ab8316b79d3f5ca5534b6f3");
        Action.NetworkConnection connection = (Action.NetworkConnection) ecsOutbound.action();
        assertThat(connection.direction()).isEqualTo("OUTBOUND");
        assertThat(connection.remote().label()).as("remote is destination.* on OUTBOUND").isEqualTo("81.2.69.144:80");
        assertThat(ecsOutbound.instance().orElseThrow().id()).isEqualTo("i-99999999");
        assertThat(connection.remote().city()).as("ECS geo enrichment wins").isEqualTo("London");
        assertThat(connection.remote().organization().asnOrg()).as("from event.original").isEqualTo("GeneratedFindingASNOrg");

        Finding ecsTor = reading.byId("e0c22973b012f3af67ac593443e920ff");
        assertThat(ecsTor.sample()).isTrue();
        assertThat(ecsTor.remote().orElseThrow().ip()).isEqualTo("175.16.199.1");

        Finding rds = reading.byId("5abcdefabcdefabcdef2a123456789f6");
        assertThat(rds.action()).isInstanceOf(Action.Other.class);
        assertThat(rds.action().actionType()).isEqualTo("RDS_LOGIN_ATTEMPT");
        assertThat(rds.resource().others()).extracting("kind").containsExactly("RDSDBInstance");
    }

    @Test
    void pantherPeerTestsMarkTheirSampleFindings() throws IOException {
        Path panther = CORPUS.resolveSibling("peer-tests/panther-tests");
        Assumptions.assumeTrue(Files.isDirectory(panther), "skipped: " + panther + " is absent");
        try (var files = Files.list(panther)) {
            for (Path file : files.sorted().toList()) {
                var tests = dev.vigil.finding.Json.mapper().readTree(file.toFile());
                for (var test : tests) {
                    Finding finding = FindingReader.detecting().parseOne(test.get("Log").toString());
                    boolean sample = test.get("Log").path("service").path("additionalInfo").path("sample").asBoolean(false);
                    assertThat(finding.sample()).as(file + " " + test.get("Name")).isEqualTo(sample);
                }
            }
        }
    }
}
