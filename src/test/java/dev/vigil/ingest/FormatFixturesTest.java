package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Instance;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatFixturesTest {

    @Test
    void camelCaseNdjsonExportMapsTheNetworkPortUnusualConnectionToGithubOnPort22() {
        Reading reading = Reading.resource("guardduty-s3-export.ndjson");
        assertThat(reading.rejections).isEmpty();
        assertThat(reading.findings).hasSize(11);
        Finding f = reading.byId("a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b6");
        assertThat(f.type().name()).isEqualTo("Behavior:EC2/NetworkPortUnusual");
        assertThat(f.type().threatPurpose()).isEqualTo("Behavior");
        assertThat(f.type().resourceType()).isEqualTo("EC2");
        assertThat(f.type().family()).isEqualTo("NetworkPortUnusual");
        assertThat(f.accountId()).isEqualTo("444455556666");
        assertThat(f.region()).isEqualTo("us-east-1");
        assertThat(f.partition()).isEqualTo("aws");
        assertThat(f.severity().label()).isEqualTo(Severity.Label.MEDIUM);
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.sample()).isFalse();
        assertThat(f.sourceFormat()).isEqualTo("guardduty");
        assertThat(f.eventFirstSeen()).isEqualTo(Instant.parse("2025-03-04T08:15:02Z"));
        Instance instance = f.instance().orElseThrow();
        assertThat(instance.id()).isEqualTo("i-0c34d56e78f90a123");
        assertThat(instance.type()).isEqualTo("c6i.xlarge");
        assertThat(instance.tags()).containsEntry("team", "platform").containsEntry("environment", "development");
        NetworkInterface eni = instance.networkInterfaces().get(0);
        assertThat(eni.privateIp()).isEqualTo("10.40.2.31");
        assertThat(eni.publicIp()).isNull();
        assertThat(eni.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(eni.securityGroups()).extracting("id", "name").containsExactly(org.assertj.core.groups.Tuple.tuple("sg-0fedcba9876543210", "ci-runners"));
        Action.NetworkConnection connection = (Action.NetworkConnection) f.action();
        assertThat(connection.direction()).isEqualTo("OUTBOUND");
        assertThat(connection.protocol()).isEqualTo("TCP");
        assertThat(connection.localPort()).isEqualTo(48122);
        RemoteEndpoint remote = connection.remote();
        assertThat(remote.ip()).isEqualTo("140.82.112.4");
        assertThat(remote.port()).isEqualTo(22);
        assertThat(remote.portName()).isEqualTo("SSH");
        assertThat(remote.organization().asn()).isEqualTo("36459");
        assertThat(remote.organization().asnOrg()).isEqualTo("GITHUB");
        assertThat(remote.country()).isEqualTo("United States");
        assertThat(remote.city()).isEqualTo("San Francisco");
        assertThat(f.raw().path("id").asText()).isEqualTo(f.id());
    }

    @Test
    void portProbeKeepsEveryProbedPortWithItsProber() {
        Finding f = Reading.resource("guardduty-s3-export.ndjson").byId("f6b7d8e9a0c1d2e3f4a5b6c7d8e9f0a1");
        Action.PortProbe probe = (Action.PortProbe) f.action();
        assertThat(probe.probes()).extracting(Action.Probe::localPort).containsExactly(22, 3389);
        assertThat(probe.probes()).extracting(p -> p.remote().ip()).containsExactly("203.0.113.9", "198.51.100.140");
        assertThat(probe.probes().get(1).remote().organization().asnOrg()).isEqualTo("EXAMPLE-CLOUD");
        assertThat(f.count()).isEqualTo(57);
    }

    @Test
    void dnsRuntimeS3AndAttackSequenceFindingsKeepTheirResourcesAndActions() {
        Reading reading = Reading.resource("guardduty-s3-export.ndjson");
        Action.DnsRequest dns = (Action.DnsRequest) reading.byId("b8d9f0a1c2e3f4a5b6c7d8e9f0a1b2c3").action();
        assertThat(dns.domain()).isEqualTo("update.c2-example.invalid");
        assertThat(dns.protocol()).isEqualTo("UDP");

        Finding runtime = reading.byId("c9e0a1b2d3f4a5b6c7d8e9f0a1b2c3d4");
        assertThat(runtime.action()).isInstanceOf(Action.None.class);
        assertThat(runtime.resource().others()).contains(new ResourceRef("Container", "4f2b9c0e7a1d", "payments-worker"));

        Finding s3 = reading.byId("d0f1b2c3e4a5b6c7d8e9f0a1b2c3d4e5");
        assertThat(s3.resource().resourceType()).isEqualTo("S3Bucket");
        assertThat(s3.resource().s3Buckets()).extracting("name", "arn", "type")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-exports-prod", "arn:aws:s3:::payments-exports-prod", "Destination"));
        assertThat(s3.resource().accessKey().userType()).isEqualTo("AssumedRole");
        Action.AwsApiCall call = (Action.AwsApiCall) s3.action();
        assertThat(call.api()).isEqualTo("GetObject");
        assertThat(call.remote().ip()).isEqualTo("203.0.113.181");

        Finding sequence = reading.byId("e1a2c3d4f5b6c7d8e9f0a1b2c3d4e5f6");
        assertThat(sequence.type().threatPurpose()).isEqualTo("AttackSequence");
        assertThat(sequence.severity().label()).isEqualTo(Severity.Label.CRITICAL);
        assertThat(sequence.action()).isInstanceOf(Action.None.class);
    }

    @Test
    void pascalCaseGetFindingsResponseReadsRootCredentialUsageAndEveryTimestampShape() {
        Reading reading = Reading.resource("get-findings-pascalcase.json");
        assertThat(reading.rejections).isEmpty();
        Finding root = reading.byId("f2b3d4e5a6c7d8e9f0a1b2c3d4e5f6a7");
        assertThat(root.type().name()).isEqualTo("Policy:IAMUser/RootCredentialUsage");
        assertThat(root.resource().accessKey().userType()).isEqualTo("Root");
        assertThat(root.resource().accessKey().accessKeyId()).isEqualTo("ASIAEXAMPLEROOT0001");
        Action.AwsApiCall call = (Action.AwsApiCall) root.action();
        assertThat(call.api()).isEqualTo("ListBuckets");
        assertThat(call.callerType()).isEqualTo("Remote IP");
        assertThat(call.remote().ip()).isEqualTo("198.51.100.42");
        assertThat(root.count()).isEqualTo(5);

        Finding recon = reading.byId("a3c4e5f6b7d8e9f0a1b2c3d4e5f6a7b8");
        assertThat(recon.createdAt()).isEqualTo(Instant.parse("2025-03-05T00:53:12.004Z"));
        assertThat(recon.updatedAt()).isEqualTo(Instant.ofEpochMilli(1741136400000L));
        assertThat(recon.eventFirstSeen()).isEqualTo(Instant.ofEpochSecond(1741135214L));
        assertThat(recon.eventLastSeen()).isEqualTo(Instant.ofEpochSecond(1741136002L, 500_000_000));
        Action.AwsApiCall denied = (Action.AwsApiCall) recon.action();
        assertThat(denied.errorCode()).isEqualTo("AccessDenied");
        assertThat(denied.remote().organization().asn()).as("asn given as a number").isEqualTo("64520");
    }

    @Test
    void eventBridgeEnvelopeIsUnwrappedAndKeepsTheDetailAsRaw() {
        Finding f = Reading.resource("eventbridge-guardduty-finding.json").only();
        assertThat(f.sourceFormat()).isEqualTo("eventbridge");
        assertThat(f.id()).isEqualTo("b4d5f6a7c8e9f0a1b2c3d4e5f6a7b8c9");
        assertThat(f.remote().orElseThrow().label()).isEqualTo("140.82.112.4:22");
        assertThat(f.raw().has("detail-type")).isFalse();
        assertThat(f.raw().path("type").asText()).isEqualTo("Behavior:EC2/NetworkPortUnusual");
    }

    @Test
    void securityHubEventRecoversTheGuardDutyTypeActionAndEksClusterFromAsff() {
        Finding f = Reading.resource("securityhub-event-eks.json").only();
        assertThat(f.sourceFormat()).isEqualTo("asff");
        assertThat(f.type().name()).isEqualTo("Discovery:Kubernetes/MaliciousIPCaller");
        assertThat(f.id()).isEqualTo("c5e6a7b8d9f0a1b2c3d4e5f6a7b8c9d0");
        assertThat(f.arn()).startsWith("arn:aws:guardduty:us-east-1:111122223333:detector/");
        assertThat(f.accountId()).isEqualTo("111122223333");
        assertThat(f.severity().score()).isEqualTo(5.0);
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.resource().resourceType()).isEqualTo("EKSCluster");
        assertThat(f.resource().others()).extracting(ResourceRef::name).containsExactly("payments-eks");
        Action.KubernetesApiCall call = (Action.KubernetesApiCall) f.action();
        assertThat(call.verb()).isEqualTo("list");
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.remote().ip()).isEqualTo("203.0.113.66");
        assertThat(call.remote().organization().asnOrg()).isEqualTo("EXAMPLE-BULLETPROOF");
    }

    @Test
    void asffTypesAreRewrittenBackToGuardDutyTypes() {
        var types = dev.vigil.finding.Json.mapper().createArrayNode()
                .add("Software and Configuration Checks/Industry and Regulatory Standards")
                .add("TTPs/Discovery/Recon:IAMUser-UserPermissions");
        assertThat(AsffMapper.type(types).name()).isEqualTo("Recon:IAMUser/UserPermissions");
        var dns = dev.vigil.finding.Json.mapper().createArrayNode().add("TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS");
        assertThat(AsffMapper.type(dns).name()).isEqualTo("Backdoor:EC2/C&CActivity.B!DNS");
    }

    @Test
    void elasticEcsDocumentTakesTheRemoteFromTheInboundSourceAndTheInstanceFromAwsGuardduty() {
        Finding f = Reading.resource("elastic-ecs-tor.json").only();
        assertThat(f.sourceFormat()).isEqualTo("ecs");
        assertThat(f.type().name()).isEqualTo("UnauthorizedAccess:EC2/TorIPCaller");
        assertThat(f.accountId()).isEqualTo("111122223333");
        assertThat(f.instance().orElseThrow().id()).isEqualTo("i-0e56f78a90b12c345");
        assertThat(f.instance().orElseThrow().networkInterfaces().get(0).publicIp()).isEqualTo("52.4.18.201");
        assertThat(f.instance().orElseThrow().tags()).containsEntry("environment", "production");
        Action.NetworkConnection connection = (Action.NetworkConnection) f.action();
        assertThat(connection.direction()).isEqualTo("INBOUND");
        assertThat(connection.localPort()).isEqualTo(22);
        assertThat(connection.remote().ip()).isEqualTo("198.51.100.77");
        assertThat(connection.remote().organization().asnOrg()).isEqualTo("EXAMPLE-TOR-EXIT");
        assertThat(f.raw().has("@timestamp")).isTrue();
    }

    @Test
    void aGuardDutyFindingWithALogstashTimestampIsStillReadAsGuardDuty() {
        String finding = "{\"@timestamp\":\"2025-03-04T08:20:00Z\",\"@version\":\"1\",\"id\":\"l1\","
                + "\"type\":\"Recon:EC2/Portscan\",\"severity\":5,\"accountId\":\"111122223333\"}";
        assertThat(FindingReader.detecting().parseOne(finding).sourceFormat()).isEqualTo("guardduty");
    }

    @Test
    void sampleFlagIsReadFromAdditionalInfoAndFromItsJsonStringValue() {
        String plain = "{\"id\":\"s1\",\"type\":\"Recon:EC2/Portscan\",\"severity\":5,\"accountId\":\"111122223333\","
                + "\"service\":{\"additionalInfo\":{\"sample\":true}}}";
        String pascal = "{\"Id\":\"s2\",\"Type\":\"Recon:EC2/Portscan\",\"Severity\":5,\"AccountId\":\"111122223333\","
                + "\"Service\":{\"AdditionalInfo\":{\"Value\":\"{\\\"sample\\\":true}\",\"Type\":\"default\"}}}";
        String none = "{\"id\":\"s3\",\"type\":\"Recon:EC2/Portscan\",\"severity\":5,\"accountId\":\"111122223333\","
                + "\"service\":{\"additionalInfo\":{\"value\":\"{}\",\"type\":\"default\"}}}";
        FindingReader reader = FindingReader.detecting();
        assertThat(reader.parseOne(plain).sample()).isTrue();
        assertThat(reader.parseOne(pascal).sample()).isTrue();
        assertThat(reader.parseOne(none).sample()).isFalse();
    }

    @Test
    void aForcedFormatReadsEveryRecordAsThatFormatAndSaysSoWhenItDoesNotFit() {
        String detail = "{\"id\":\"f1\",\"type\":\"Recon:EC2/Portscan\",\"severity\":2,\"accountId\":\"111122223333\"}";
        assertThat(FindingReader.forcing(InputFormat.GUARDDUTY).parseOne(detail).sourceFormat()).isEqualTo("guardduty");
        Reading asEcs = Reading.of(FindingReader.forcing(InputFormat.ECS), "x.json", detail);
        assertThat(asEcs.rejections).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("aws.guardduty.id").contains("--input-format ecs"));
        Reading asAsff = Reading.of(FindingReader.forcing(InputFormat.ASFF), "x.json", detail);
        assertThat(asAsff.rejections).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("--input-format asff"));
    }
}
