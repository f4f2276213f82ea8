package dev.vigil.triage;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.intel.Account;
import dev.vigil.playbook.FindingScope;

/** The runbook's initial assessment of a finding ({@link Facts}), and the template placeholders that name its parts. */
final class AssessmentFacts {

    private AssessmentFacts() {
    }

    static Facts of(FindingScope scope) {
        Finding finding = scope.finding();
        Account account = scope.account().orElse(null);
        String ip = scope.remoteIp();
        long port = scope.port();
        return new Facts(finding.accountId(),
                account == null ? null : account.name(),
                account == null ? null : account.environment().toString(),
                account == null ? null : account.team(),
                account == null ? null : account.contact(),
                account == null ? null : account.channel(),
                ip.isEmpty() ? null : ip,
                port == 0 ? null : (int) port,
                scope.organization(),
                scope.instanceId().isEmpty() ? null : scope.instanceId(),
                finding.eventFirstSeen() != null ? finding.eventFirstSeen() : finding.createdAt(),
                finding.eventLastSeen() != null ? finding.eventLastSeen() : finding.updatedAt(),
                direction(finding.action()));
    }

    /** Outbound when the remote side is where the resource connected to; inbound when the remote side came in. */
    private static String direction(Action action) {
        if (action instanceof Action.NetworkConnection connection) {
            String direction = connection.direction();
            // GuardDuty writes it in capitals: an exact match first spares the case-blind comparison
            if ("OUTBOUND".equals(direction) || "OUTBOUND".equalsIgnoreCase(direction)) {
                return "outbound";
            }
            return "INBOUND".equals(direction) || "INBOUND".equalsIgnoreCase(direction) ? "inbound" : null;
        }
        return action.remotes().isEmpty() ? null : "inbound";
    }

    /** A template's placeholder: a fact, else a variable. */
    static Object value(String name, Facts facts, FindingScope scope) {
        return switch (name) {
            case "accountId" -> facts.accountId();
            case "accountName" -> facts.accountName();
            case "environment" -> facts.environment();
            case "owner" -> facts.owner();
            case "contact" -> facts.contact();
            case "channel" -> facts.channel();
            case "destinationIp" -> facts.destinationIp();
            case "destinationPort" -> facts.destinationPort();
            case "destinationOrganization" -> facts.destinationOrganization();
            case "instanceId" -> facts.instanceId();
            case "firstSeen" -> facts.firstSeen();
            case "lastSeen" -> facts.lastSeen();
            case "type" -> scope.finding().type().name();
            case "findingId" -> scope.finding().id();
            case "region" -> scope.finding().region();
            default -> scope.find(name).orElse(null);
        };
    }
}
