package dev.vigil.triage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /**
     * The rule that settled the disposition: the suppression that applied; else, for an escalation, the first rule that
     * raised to high or escalated; else the last rule that set this disposition; else the last rule that changed the
     * severity; else an expired suppression; null when only notes fired (GuardDuty's severity decided).
     */
    @JsonIgnore
    public RuleHit decidingRule() {
        for (RuleHit hit : rules) {
            if (hit.effect().startsWith("suppress:")) {
                return hit;
            }
        }
        if (disposition == Disposition.ESCALATE) {
            for (RuleHit hit : rules) {
                if (hit.effect().contains("raise:high") || hit.effect().contains("disposition:escalate")) {
                    return hit;
                }
            }
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).effect().contains("disposition:" + disposition.id())) {
                return rules.get(i);
            }
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).effect().contains("raise:") || rules.get(i).effect().contains("lower:")) {
                return rules.get(i);
            }
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).effect().equals("expired")) {
                return rules.get(i);
            }
        }
        return null;
    }

    /** The id of the {@link #decidingRule()}, or null when GuardDuty's severity decided; written as {@code decidedBy}. */
    @JsonProperty("decidedBy")
    public String decidedBy() {
        RuleHit deciding = decidingRule();
        return deciding == null ? null : deciding.id();
    }
}
