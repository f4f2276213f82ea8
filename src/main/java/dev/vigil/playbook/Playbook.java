package dev.vigil.playbook;

import dev.vigil.triage.Disposition;
import java.util.List;
import java.util.Map;

/**
 * A runbook as data: which finding types it covers, how findings group into cases, its suppressions, severity rules,
 * questions, steps per phase and next steps per disposition. A {@code global} playbook covers no type; its
 * suppressions and rules apply to every finding before the type's own.
 *
 * @param source where it was loaded from: {@code bundled:playbooks/tor.yaml} or a file path
 * @param groupBy the case grouping key's fields; empty for the default (account, type, and the remote endpoint for
 *                network findings or the resource otherwise)
 * @param groupByExpression the case grouping key as a CEL expression instead of fields; null when fields are used
 */
public record Playbook(String id, String version, String title, String description, boolean global,
                       List<TypePattern> covers, List<String> groupBy, Expression groupByExpression, List<Suppression> suppressions, List<Rule> rules,
                       List<Question> questions, List<PlaybookStep> steps, Map<Disposition, List<Template>> nextSteps,
                       String source, Location location) {

    public Playbook {
        covers = List.copyOf(covers);
        groupBy = List.copyOf(groupBy);
        suppressions = List.copyOf(suppressions);
        rules = List.copyOf(rules);
        questions = List.copyOf(questions);
        steps = List.copyOf(steps);
        nextSteps = Map.copyOf(nextSteps);
    }

    public boolean isDefault() {
        return covers.stream().anyMatch(TypePattern::isDefault);
    }

    /** How specifically this playbook covers {@code type}; negative when it does not cover it (or is global). */
    public int specificityFor(String type) {
        int best = Integer.MIN_VALUE;
        for (TypePattern pattern : covers) {
            if (pattern.matches(type)) {
                best = Math.max(best, pattern.specificity());
            }
        }
        return best;
    }
}
