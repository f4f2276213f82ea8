package dev.vigil.cases;

import dev.vigil.finding.AccessKey;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-written findings and the verdicts triage would give them, as the runbook describes them. */
final class Triaged {
    static final String PRODUCTION = "111122223333";
    static final String DEVELOPMENT = "444455556666";
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    static final List<Step> NETWORK_PORT_CHECKLIST = List.of(
            new Step("gather-basics", "triage", "Identify the account, owner, destination and instance"),
            new Step("analyze-pattern", "investigation", "Analyze the network communication pattern"),
            new Step("research-destination", "investigation", "Research the destination"),
            new Step("snapshot-instance", "containment", "Snapshot the instance"),
            new Step("restrict-network", "containment", "Restrict network communications"),
            new Step("identify-indicators", "eradication", "Identify compromise indicators"),
            new Step("deploy-clean", "recovery", "Deploy clean resources"),
            new Step("lessons-learned", "post-incident", "Hold the post-incident review"));

    private Triaged() {
    }

    /** Behavior:EC2/NetworkPortUnusual from {@code instance} to {@code ip:port}, first seen at {@code firstSeen}. */
    static Finding networkPortUnusual(String id, String account, String instance, String ip, int port, Instant firstSeen) {
        RemoteEndpoint remote = new RemoteEndpoint(ip, port, null, new Organization("14061", "DigitalOcean, LLC", null, null),
                "US", null, null);
        Resource resource = new Resource("Instance", new Instance(instance, "t3.micro", null, "running", "us-east-1a",
                Map.of(), List.of()), null, List.of(), List.of());
        return new Finding(id, "arn:aws:guardduty:us-east-1:" + account + ":detector/d/finding/" + id,
                FindingType.of("Behavior:EC2/NetworkPortUnusual"), account, "us-east-1", "aws",
                "Unusual outbound communication on port " + port, "EC2 instance " + instance + " is communicating on port " + port,
                firstSeen.plusSeconds(600), firstSeen.plusSeconds(600), firstSeen, firstSeen.plusSeconds(300), 1, false, false,
                new Severity(5.0), resource,
                new Action.NetworkConnection("OUTBOUND", "TCP", "10.0.0.5", 40000, null, remote, false), "guardduty", null);
    }

    /** The same finding with the times given: activity from {@code firstSeen} to {@code lastSeen}, GuardDuty's finding at {@code createdAt}. */
    static Finding timed(Finding finding, Instant firstSeen, Instant lastSeen, Instant createdAt) {
        return new Finding(finding.id(), finding.arn(), finding.type(), finding.accountId(), finding.region(),
                finding.partition(), finding.title(), finding.description(), createdAt, createdAt, firstSeen, lastSeen,
                finding.count(), finding.archived(), finding.sample(), finding.severity(), finding.resource(),
                finding.action(), finding.sourceFormat(), finding.document());
    }

    static Finding rootCredentialUsage(String id, String account, Instant at) {
        Resource resource = new Resource("AccessKey", null, new AccessKey("ASIAEXAMPLE", "1234", "Root", "Root"),
                List.of(), List.of());
        return new Finding(id, null, FindingType.of("Policy:IAMUser/RootCredentialUsage"), account, "us-east-1", "aws",
                "Root credentials used", "", at, at, at, at, 1, false, false, new Severity(2.0), resource,
                new Action.AwsApiCall("ListBuckets", "s3.amazonaws.com", "Remote IP",
                        new RemoteEndpoint("203.0.113.9", null, null, null, null, null, null), null, null),
                "guardduty", null);
    }

    static Verdict investigate(Finding finding, Level level) {
        return verdict(finding, Disposition.INVESTIGATE, level, List.of(new RuleHit("unanswered-questions",
                "disposition:investigate", "the runbook's questions cannot be answered", Map.of("port", 4444))));
    }

    static Verdict escalate(Finding finding) {
        return verdict(finding, Disposition.ESCALATE, Level.HIGH, List.of(new RuleHit("exploitation-port", "raise:high",
                "port associated with exploitation", Map.of("port", 4444))));
    }

    static Verdict suppressed(Finding finding, Disposition disposition, String rule) {
        return verdict(finding, disposition, Level.LOW, List.of(new RuleHit(rule, "suppress",
                "suppressed by " + rule, Map.of("reference", "#210"))));
    }

    static Verdict verdict(Finding finding, Disposition disposition, Level level, List<RuleHit> rules) {
        var remote = finding.remote();
        Facts facts = new Facts(finding.accountId(), PRODUCTION.equals(finding.accountId()) ? "payments-prod" : "sandbox-dev",
                "production", "payments-team", "payments@example.com", "#payments",
                remote.map(RemoteEndpoint::ip).orElse(null), remote.map(RemoteEndpoint::port).orElse(null),
                remote.map(r -> r.organization().name()).orElse(null),
                finding.instance().map(Instance::id).orElse(null), finding.eventFirstSeen(), finding.eventLastSeen(),
                "outbound");
        return new Verdict(finding.id(), finding.type().name(), finding.accountId(), disposition, level, "network-port-unusual",
                "2025-07-24", rules,
                List.of(new Answer("standard-port", "Is the destination port a standard port?", "no", "port is not 22, 80 or 443"),
                        new Answer("known-host", "Is the destination a known host?", "unknown", "no ip lists configured")),
                facts, List.of("Reach the system owner payments@example.com", "Track it in a GitHub issue"),
                NETWORK_PORT_CHECKLIST, null);
    }
}
