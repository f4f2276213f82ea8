package dev.vigil.playbook;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.vigil.intel.Account;
import dev.vigil.intel.Environment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables playbook expressions read, one registry (documented in docs/playbook-reference.md from here).
 * Absent values read as empty text, 0, false or an empty list, so conditions stay two-valued; {@code account.known}
 * says whether the account directory knows the account.
 */
public final class VigilVariables {

    private static final Map<String, VariableSpec> BY_NAME = new java.util.HashMap<>();
    private static final List<VariableSpec> IN_ORDER = new java.util.ArrayList<>();
    private static final Map<Environment, String> ENVIRONMENT_NAMES = new java.util.EnumMap<>(Environment.class);

    static {
        for (Environment environment : Environment.values()) {
            ENVIRONMENT_NAMES.put(environment, environment.toString());
        }
        // the finding
        add("finding.id", SimpleType.STRING, "GuardDuty's finding id", "finding.id != ''", s -> s.finding().id());
        add("finding.type", SimpleType.STRING, "the finding type", "finding.type == 'Behavior:EC2/NetworkPortUnusual'",
                s -> s.finding().type().name());
        add("finding.threatPurpose", SimpleType.STRING, "the type's threat purpose, e.g. Recon", "finding.threatPurpose == 'Recon'",
                s -> s.finding().type().threatPurpose());
        add("finding.resourceType", SimpleType.STRING, "the type's resource part, e.g. EC2, IAMUser", "finding.resourceType == 'EC2'",
                s -> s.finding().type().resourceType());
        add("finding.severity", SimpleType.DOUBLE, "GuardDuty's score, 1.0 to 10.0", "finding.severity >= 7.0",
                s -> s.finding().severity().score());
        add("finding.band", SimpleType.STRING, "GuardDuty's band: low, medium, high or critical", "finding.band == 'critical'",
                s -> s.finding().severity().label().toString());
        add("finding.sample", SimpleType.BOOL, "whether GuardDuty generated it as a sample finding", "finding.sample",
                s -> s.finding().sample());
        add("finding.accountId", SimpleType.STRING, "the AWS account id", "finding.accountId == '111122223333'",
                s -> text(s.finding().accountId()));
        add("finding.region", SimpleType.STRING, "the AWS region", "finding.region == 'us-east-1'", s -> text(s.finding().region()));
        add("finding.count", SimpleType.INT, "how many times GuardDuty saw it", "finding.count > 10", s -> s.finding().count());
        add("finding.actionType", SimpleType.STRING, "NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL, DNS_REQUEST, ... or NONE",
                "finding.actionType == 'PORT_PROBE'", s -> s.finding().action().actionType());
        add("finding.direction", SimpleType.STRING, "INBOUND or OUTBOUND for network connections, else empty",
                "finding.direction == 'OUTBOUND'", FindingScope::direction);
        add("finding.port", SimpleType.INT, "the service port: remote port of an outbound connection, local port of an "
                + "inbound one or of the first probe; 0 when none", "finding.port in [22, 80, 443]", FindingScope::port);
        // the remote side
        add("remote.present", SimpleType.BOOL, "whether the finding has a remote IP", "remote.present",
                s -> !s.remoteIp().isEmpty());
        add("remote.ip", SimpleType.STRING, "the remote IP (IPv4 or IPv6), empty when none", "remote.ip == '165.227.16.16'",
                FindingScope::remoteIp);
        add("remote.port", SimpleType.INT, "the remote endpoint's port, 0 when none", "remote.port == 4444",
                s -> s.remote().map(r -> r.port() == null ? 0L : (long) r.port()).orElse(0L));
        add("remote.org", SimpleType.STRING, "the remote organization (asnOrg, org, isp, or the ASN database), empty when unknown",
                "remote.org.contains('GitHub')", s -> text(s.organization()));
        add("remote.country", SimpleType.STRING, "the remote country name, empty when unknown", "remote.country == 'Netherlands'",
                s -> s.remote().map(r -> text(r.country())).orElse(""));
        add("remote.domain", SimpleType.STRING, "the remote domain, empty when unknown", "remote.domain.endsWith('.github.com')",
                s -> s.remote().map(r -> text(r.domain())).orElse(""));
        add("probe.ports", ListType.create(SimpleType.INT), "the local ports probed (port probe findings), sorted",
                "probe.ports.all(p, p in instance.exposedPorts())", FindingScope::probedPorts);
        // the resource
        add("instance.id", SimpleType.STRING, "the EC2 instance id, empty when the finding is not about an instance",
                "instance.id != ''", FindingScope::instanceId);
        add("instance.tags", MapType.create(SimpleType.STRING, SimpleType.STRING), "the instance's tags",
                "'team' in instance.tags && instance.tags['team'] == 'platform'", FindingScope::instanceTags);
        add("accessKey.userType", SimpleType.STRING, "Root, IAMUser, AssumedRole, ... or empty", "accessKey.userType == 'Root'",
                s -> s.finding().resource().accessKey() == null ? "" : text(s.finding().resource().accessKey().userType()));
        add("accessKey.userName", SimpleType.STRING, "the IAM user name, or empty", "accessKey.userName == 'deploy'",
                s -> s.finding().resource().accessKey() == null ? "" : text(s.finding().resource().accessKey().userName()));
        // the account directory
        add("account.known", SimpleType.BOOL, "whether the account directory knows the account", "account.known",
                s -> s.account().isPresent());
        add("account.id", SimpleType.STRING, "the account id", "account.id == '111122223333'", s -> text(s.finding().accountId()));
        add("account.name", SimpleType.STRING, "the account's name (the runbook's flavor), empty when unknown",
                "account.name == 'payments-prod'", s -> s.account().map(a -> text(a.name())).orElse(""));
        add("account.team", SimpleType.STRING, "the owning team, empty when unknown", "account.team == 'observability'",
                s -> s.account().map(a -> text(a.team())).orElse(""));
        add("account.contact", SimpleType.STRING, "the owner's contact, empty when unknown", "account.contact != ''",
                s -> s.account().map(a -> text(a.contact())).orElse(""));
        add("account.channel", SimpleType.STRING, "the owning team's chat channel, empty when unknown", "account.channel != ''",
                s -> s.account().map(a -> text(a.channel())).orElse(""));
        add("account.environment", SimpleType.STRING, "production, staging, development, sandbox or unknown",
                "account.environment == 'production'",
                s -> ENVIRONMENT_NAMES.get(s.account().map(Account::environment).orElse(Environment.UNKNOWN)));
        add("account.usesFlux", SimpleType.BOOL, "whether the owning team pulls from GitHub with Flux (false when unknown)",
                "account.usesFlux", s -> s.account().map(a -> Boolean.TRUE.equals(a.usesFlux())).orElse(false));
        // answers
        add("yes", SimpleType.STRING, "the answer 'yes', for questions", "true ? yes : no", s -> "yes");
        add("no", SimpleType.STRING, "the answer 'no', for questions", "false ? yes : no", s -> "no");
        add("unknown", SimpleType.STRING, "the answer 'unknown', for questions whose data is missing",
                "account.known ? yes : unknown", s -> "unknown");
    }

    private VigilVariables() {
    }

    private static void add(String name, CelType type, String description, String example, Function<FindingScope, Object> value) {
        VariableSpec variable = new VariableSpec(name, type, description, example, value);
        BY_NAME.put(name, variable);
        IN_ORDER.add(variable);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public static List<VariableSpec> all() {
        return List.copyOf(IN_ORDER);
    }

    static VariableSpec byName(String name) {
        return BY_NAME.get(name);
    }
}
