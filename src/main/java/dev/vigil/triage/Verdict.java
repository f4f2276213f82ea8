package dev.vigil.triage;

import java.util.List;

/**
 * What triage decided about one finding, and why.
 *
 * @param playbookVersion the version of the playbook that decided, so a stored verdict can be traced to the rules of its day
 * @param rules every rule that fired, in evaluation order, with its evidence
 * @param nextSteps what to do now, from the playbook, with the owner's contact filled in
 * @param checklist every step of the playbook by phase, for a case's checklist
 * @param caseKey the playbook's grouping key for cases (e.g. account + type + remote endpoint)
 */
public record Verdict(String findingId, String type, String accountId, Disposition disposition, Level severity,
                      String playbook, String playbookVersion, List<RuleHit> rules, List<Answer> questions, Facts facts,
                      List<String> nextSteps, List<Step> checklist, String caseKey) {

    public Verdict {
        rules = List.copyOf(rules);
        questions = List.copyOf(questions);
        nextSteps = List.copyOf(nextSteps);
        checklist = List.copyOf(checklist);
    }

    /** The rule that settled the disposition: the last one that fired, or null when none did. */
    public RuleHit decidingRule() {
        return rules.isEmpty() ? null : rules.get(rules.size() - 1);
    }
}
