package dev.vigil.triage;

import dev.vigil.finding.Action;
import dev.vigil.playbook.Expression;
import dev.vigil.playbook.FindingScope;
import dev.vigil.playbook.Playbook;
import java.util.List;
import java.util.Map;

/** The case grouping key of a verdict, from the playbook's {@code group-by}. */
final class CaseKeys {

    private CaseKeys() {
    }

    /**
     * The playbook's group-by: its expression's value (a list is joined with "|"), or its fields joined with "|"; by
     * default account, type, and the remote endpoint (network connections) or the resource.
     */
    static String of(Playbook playbook, FindingScope scope, List<RuleHit> hits) {
        if (playbook.groupByExpression() != null) {
            try {
                Object key = playbook.groupByExpression().evaluate(scope);
                return key instanceof List<?> parts ? String.join("|", parts.stream().map(String::valueOf).toList())
                        : String.valueOf(key);
            } catch (Expression.EvaluationException e) {
                hits.add(new RuleHit("group-by", "error", e.getMessage(), Map.of()));
            }
        }
        List<String> fields = playbook.groupBy();
        if (fields.isEmpty()) {
            boolean network = scope.finding().action() instanceof Action.NetworkConnection && !scope.remoteIp().isEmpty();
            fields = network ? List.of("account", "type", "remote") : List.of("account", "type", "resource");
        }
        StringBuilder key = new StringBuilder(96);
        for (String field : fields) {
            String part = switch (field) {
                case "account" -> scope.finding().accountId();
                case "type" -> scope.finding().type().name();
                case "remote" -> scope.remoteIp().isEmpty() ? "" : scope.port() == 0 ? scope.remoteIp()
                        : (scope.remoteIp().contains(":") ? "[" + scope.remoteIp() + "]" : scope.remoteIp()) + ":" + scope.port();
                case "remote-ip" -> scope.remoteIp();
                case "port" -> scope.port() == 0 ? "" : String.valueOf(scope.port());
                case "resource" -> scope.finding().resource().label();
                case "instance" -> scope.instanceId();
                case "region" -> scope.finding().region();
                default -> "";
            };
            key.append(key.length() == 0 ? "" : "|").append(part == null ? "" : part);
        }
        return key.toString();
    }
}
