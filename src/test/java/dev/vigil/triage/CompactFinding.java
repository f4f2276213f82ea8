package dev.vigil.triage;

import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Finding from a compact description over a base fixture, so a triage case says only what matters:
 * {@code {base: network-port-unusual, remoteIp: 165.227.16.16, remotePort: 8443}}.
 */
final class CompactFinding {

    static final Map<String, Map<String, Object>> BASES = Map.of(
            "network-port-unusual", Map.of("type", "Behavior:EC2/NetworkPortUnusual", "severity", 5.0,
                    "action", "NETWORK_CONNECTION", "direction", "OUTBOUND", "remoteIp", "198.51.100.23", "remotePort", 8443,
                    "org", "Example Hosting", "instanceId", "i-0a1b2c3d4e5f60718", "accountId", "444455556666"),
            "port-probe", Map.of("type", "Recon:EC2/PortProbeUnprotectedPort", "severity", 2.0, "action", "PORT_PROBE",
                    "probes", List.of(22), "remoteIp", "203.0.113.50", "org", "Scanner Networks",
                    "instanceId", "i-0fedcba9876543210", "accountId", "777788889999"),
            "root-credential-usage", Map.of("type", "Policy:IAMUser/RootCredentialUsage", "severity", 2.0,
                    "action", "AWS_API_CALL", "remoteIp", "198.51.100.77", "userType", "Root", "userName", "Root",
                    "accountId", "111122223333"),
            "tor-ip-caller", Map.of("type", "UnauthorizedAccess:EC2/TorIPCaller", "severity", 5.0, "action", "NETWORK_CONNECTION",
                    "direction", "INBOUND", "remoteIp", "185.220.101.4", "remotePort", 51514, "localPort", 22,
                    "instanceId", "i-0123456789abcdef0", "accountId", "444455556666"),
            "other", Map.of("type", "CryptoCurrency:EC2/BitcoinTool.B!DNS", "severity", 8.0, "action", "DNS_REQUEST",
                    "instanceId", "i-0aaaabbbbccccdddd", "accountId", "444455556666"));

    private CompactFinding() {
    }

    static Finding of(Map<String, Object> description, int sequence) {
        Map<String, Object> f = new HashMap<>();
        String base = (String) description.getOrDefault("base", "network-port-unusual");
        if (!BASES.containsKey(base)) {
            throw new IllegalArgumentException("unknown base fixture \"" + base + "\": one of " + BASES.keySet());
        }
        f.putAll(BASES.get(base));
        f.putAll(description);
        Instant firstSeen = f.containsKey("firstSeen") ? Instant.parse((String) f.get("firstSeen"))
                : Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * sequence);
        RemoteEndpoint remote = f.get("remoteIp") == null ? null : new RemoteEndpoint((String) f.get("remoteIp"),
                (Integer) f.get("remotePort"), null, new Organization(null, (String) f.get("org"), null, null), null, null, null);
        Action action = switch ((String) f.get("action")) {
            case "NETWORK_CONNECTION" -> new Action.NetworkConnection((String) f.get("direction"), "TCP", "10.0.1.15",
                    (Integer) f.get("localPort"), null, remote, false);
            case "PORT_PROBE" -> new Action.PortProbe(((List<?>) f.get("probes")).stream()
                    .map(p -> new Action.Probe((Integer) p, null, remote)).toList(), false);
            case "AWS_API_CALL" -> new Action.AwsApiCall("GetCallerIdentity", "sts.amazonaws.com", "Remote IP", remote, null, "aws-cli");
            case "DNS_REQUEST" -> new Action.DnsRequest("pool.example.org", "UDP", false);
            default -> new Action.None();
        };
        Instance instance = f.get("instanceId") == null ? null
                : new Instance((String) f.get("instanceId"), "t3.medium", "ami-0abcdef1234567890", "running", "us-east-1a", Map.of(), List.of());
        AccessKey accessKey = f.get("userType") == null ? null
                : new AccessKey("ASIAEXAMPLE", "AIDAEXAMPLE", (String) f.get("userName"), (String) f.get("userType"));
        Resource resource = new Resource(instance != null ? "Instance" : "AccessKey", instance, accessKey, List.of(), List.of());
        String id = (String) f.getOrDefault("id", "case-" + sequence);
        return new Finding(id, "arn:aws:guardduty:us-east-1:" + f.get("accountId") + ":detector/d/finding/" + id,
                FindingType.of((String) f.get("type")), (String) f.get("accountId"), "us-east-1", "aws", "title", "description",
                firstSeen, firstSeen, firstSeen, firstSeen.plusSeconds(30), 1, false, Boolean.TRUE.equals(f.get("sample")),
                new Severity(((Number) f.get("severity")).doubleValue()), resource, action, "guardduty", null);
    }
}
