package dev.vigil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FindingGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int COUNT = 3000;
    private static List<String> lines;
    private static List<JsonNode> findings;

    @BeforeAll
    static void generateOnce() throws IOException {
        lines = generate(COUNT, 42, OutputFormat.NDJSON);
        findings = new ArrayList<>();
        for (String line : lines) {
            findings.add(MAPPER.readTree(line));
        }
    }

    static List<String> generate(int count, long seed, OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FindingGenerator(seed, FindingGenerator.DEFAULT_START).write(count, format, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.split("\n"));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherFindings() throws IOException {
        assertThat(generate(COUNT, 42, OutputFormat.NDJSON)).isEqualTo(lines);
        assertThat(generate(200, 43, OutputFormat.NDJSON)).doesNotContainAnyElementsOf(lines.subList(0, 200));
        assertThat(generate(50, 42, OutputFormat.PASCAL)).isEqualTo(generate(50, 42, OutputFormat.PASCAL));
    }

    @Test
    void everyLineIsOneFindingWithTheFieldsTriageReads() {
        assertThat(lines).hasSize(COUNT);
        for (JsonNode finding : findings) {
            assertThat(finding.path("schemaVersion").asText()).isEqualTo("2.0");
            assertThat(finding.path("id").asText()).matches("[0-9a-f]{32}");
            assertThat(finding.path("accountId").asText()).matches("\\d{12}");
            assertThat(finding.path("arn").asText()).endsWith("/finding/" + finding.path("id").asText());
            assertThat(finding.path("type").asText()).contains(":").contains("/");
            assertThat(finding.path("resource").path("resourceType").asText()).isNotEmpty();
            assertThat(finding.path("service").path("count").asInt()).isPositive();
            assertThat(finding.path("severity").isNumber()).isTrue();
            assertThat(finding.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(finding.path("title").asText()).doesNotContain("{").doesNotContain("  ");
            assertThat(finding.path("description").asText()).doesNotContain("{").doesNotContain("  ");
            finding.findValuesAsText("description").forEach(text -> assertThat(text).doesNotContain("  "));
        }
    }

    @Test
    void theMixHasEverySeedTypeWithNetworkPortUnusualTheMostFrequent() {
        Map<String, Integer> perType = new HashMap<>();
        Set<String> families = new HashSet<>();
        for (JsonNode finding : findings) {
            String type = finding.path("type").asText();
            perType.merge(type, 1, Integer::sum);
            families.add(type.substring(type.indexOf(':') + 1, type.indexOf('/')));
        }
        assertThat(perType).containsKeys(FindingKinds.NETWORK_PORT_UNUSUAL, FindingKinds.ROOT_CREDENTIAL_USAGE,
                FindingKinds.PORT_PROBE_UNPROTECTED_PORT, FindingKinds.TOR_IP_CALLER);
        int networkPortUnusual = perType.get(FindingKinds.NETWORK_PORT_UNUSUAL);
        assertThat(perType.values()).allMatch(count -> count <= networkPortUnusual);
        assertThat(networkPortUnusual).isGreaterThan(COUNT / 4);
        assertThat(families).contains("EC2", "IAMUser", "S3", "Kubernetes", "Runtime", "RDS", "IAM");
        assertThat(perType.keySet()).anyMatch(type -> type.startsWith("AttackSequence:"))
                .anyMatch(type -> type.endsWith("!DNS"));
    }

    @Test
    void findingsComeFromManyAccountsIncludingTheThreeExampleAccountsAndManyInstances() {
        Set<String> accounts = new HashSet<>();
        Set<String> instances = new HashSet<>();
        for (JsonNode finding : findings) {
            accounts.add(finding.path("accountId").asText());
            String instance = finding.path("resource").path("instanceDetails").path("instanceId").asText();
            if (!instance.isEmpty()) {
                instances.add(instance);
            }
        }
        assertThat(accounts).contains("111122223333", "444455556666", "777788889999").hasSizeGreaterThan(20);
        assertThat(instances).hasSizeGreaterThan(300);
    }

    @Test
    void theExampleAccountDirectorysExposedInstancesAndFluxTeamsShowUp() {
        Set<String> instances = new HashSet<>();
        boolean fluxToGithub = false;
        for (JsonNode finding : findings) {
            JsonNode details = finding.path("resource").path("instanceDetails");
            instances.add(details.path("instanceId").asText());
            boolean flux = details.path("tags").findValuesAsText("value").contains("flux");
            String remote = finding.path("service").path("action").path("networkConnectionAction")
                    .path("remoteIpDetails").path("organization").path("asnOrg").asText();
            fluxToGithub |= flux && remote.equals("GITHUB");
        }
        assertThat(instances).contains("i-0a1b2c3d4e5f60718", "i-0fedcba9876543210");
        assertThat(fluxToGithub).isTrue();
    }

    @Test
    void anInstanceLooksTheSameInEveryFindingAboutIt() {
        Map<String, JsonNode> seen = new HashMap<>();
        for (JsonNode finding : findings) {
            JsonNode details = finding.path("resource").path("instanceDetails");
            if (details.isObject()) {
                JsonNode earlier = seen.putIfAbsent(details.path("instanceId").asText(), details);
                if (earlier != null) {
                    assertThat(details).isEqualTo(earlier);
                }
            }
        }
    }

    @Test
    void findingsAreAboutThreeKilobytesEach() {
        double average = lines.stream().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        assertThat(average).isBetween(2048.0, 4096.0);
    }

    @Test
    void findingsAreInTimeOrderAndEventTimesPrecedeTheUpdate() {
        String previous = "";
        for (JsonNode finding : findings) {
            String updatedAt = finding.path("updatedAt").asText();
            assertThat(updatedAt).isGreaterThanOrEqualTo(previous);
            assertThat(finding.path("createdAt").asText()).isLessThanOrEqualTo(updatedAt);
            JsonNode service = finding.path("service");
            assertThat(service.path("eventFirstSeen").asText()).isLessThanOrEqualTo(service.path("eventLastSeen").asText());
            assertThat(service.path("eventLastSeen").asText()).isLessThanOrEqualTo(updatedAt);
            previous = updatedAt;
        }
    }

    @Test
    void someFindingsAreReportedAgainWithTheSameIdAndAHigherCount() {
        Map<String, Integer> lastCount = new HashMap<>();
        int repeats = 0;
        for (JsonNode finding : findings) {
            int count = finding.path("service").path("count").asInt();
            Integer earlier = lastCount.put(finding.path("id").asText(), count);
            if (earlier != null) {
                assertThat(count).isGreaterThan(earlier);
                repeats++;
            }
        }
        assertThat(repeats).isGreaterThan(COUNT / 50);
    }

    @Test
    void remoteAddressesArePublicWithSomeOnGithubTheKnownHostAndExploitationPorts() {
        List<IPAddress> notPublic = new ArrayList<>();
        for (String range : List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "fc00::/7", "fe80::/10", "2001:db8::/32")) {
            notPublic.add(new IPAddressString(range).getAddress());
        }
        List<IPAddress> github = new ArrayList<>();
        for (String range : RemoteHosts.GITHUB_GIT_RANGES) {
            github.add(new IPAddressString(range).getAddress());
        }
        int onGithubPort22 = 0;
        int onKnownHost = 0;
        int onExploitationPort = 0;
        int ipv6 = 0;
        for (JsonNode finding : findings) {
            for (JsonNode remote : finding.findValues("remoteIpDetails")) {
                String ip = remote.has("ipAddressV6") ? remote.path("ipAddressV6").asText() : remote.path("ipAddressV4").asText();
                IPAddress address = new IPAddressString(ip).getAddress();
                assertThat(address).as(ip).isNotNull();
                assertThat(notPublic).as(ip + " in " + finding.path("id").asText()).noneMatch(range -> range.contains(address));
                ipv6 += remote.has("ipAddressV6") ? 1 : 0;
            }
            JsonNode connection = finding.path("service").path("action").path("networkConnectionAction");
            if (connection.isObject()) {
                String ip = connection.path("remoteIpDetails").path("ipAddressV4").asText();
                int port = connection.path("remotePortDetails").path("port").asInt();
                if (!ip.isEmpty() && port == 22 && github.stream().anyMatch(range -> range.contains(new IPAddressString(ip).getAddress()))) {
                    onGithubPort22++;
                }
                onKnownHost += ip.equals(RemoteHosts.KNOWN_HOST) ? 1 : 0;
                onExploitationPort += port == 4444 || port == 8088 ? 1 : 0;
            }
        }
        assertThat(onGithubPort22).isGreaterThan(COUNT / 100);
        assertThat(onKnownHost).isGreaterThan(COUNT / 100);
        assertThat(onExploitationPort).isGreaterThan(COUNT / 100);
        assertThat(ipv6).isPositive();
    }

    @Test
    void theSameTypeAndRemoteEndpointRecurAcrossInstances() {
        Map<String, Set<String>> instancesPerPattern = new HashMap<>();
        for (JsonNode finding : findings) {
            JsonNode connection = finding.path("service").path("action").path("networkConnectionAction");
            if (connection.isObject()) {
                String pattern = finding.path("type").asText() + " " + connection.path("remoteIpDetails").path("ipAddressV4").asText()
                        + ":" + connection.path("remotePortDetails").path("port").asInt();
                instancesPerPattern.computeIfAbsent(pattern, key -> new HashSet<>())
                        .add(finding.path("resource").path("instanceDetails").path("instanceId").asText());
            }
        }
        long spread = instancesPerPattern.values().stream().filter(instances -> instances.size() >= 3).count();
        assertThat(spread).isGreaterThan(10);
    }

    @Test
    void someFindingsAreGuardDutySamples() {
        assertThat(findings).anyMatch(finding -> finding.path("service").path("additionalInfo").path("sample").asBoolean());
    }

    @Test
    void eventBridgeWrapsEachFindingInAGuardDutyEnvelope() throws IOException {
        List<String> events = generate(100, 42, OutputFormat.EVENTBRIDGE);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = MAPPER.readTree(events.get(i));
            assertThat(event.path("detail-type").asText()).isEqualTo("GuardDuty Finding");
            assertThat(event.path("source").asText()).isEqualTo("aws.guardduty");
            assertThat(event.path("account").asText()).isEqualTo(findings.get(i).path("accountId").asText());
            assertThat(event.path("detail")).isEqualTo(findings.get(i));
        }
    }
}
