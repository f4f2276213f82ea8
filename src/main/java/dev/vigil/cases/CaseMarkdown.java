package dev.vigil.cases;

import dev.vigil.triage.Answer;
import dev.vigil.triage.Facts;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A case as the body of a GitHub issue, as the runbook asks ("this should be tracked using a github issue"):
 * summary, facts, the verdict with its rules, evidence and questions, the checklist as task list, metrics, timeline.
 */
public final class CaseMarkdown {

    private CaseMarkdown() {
    }

    /** The issue title to go with the body. */
    public static String title(CaseSummary summary) {
        return "[" + summary.severity().id() + "] " + summary.id() + " " + summary.title();
    }

    public static String body(CaseDetail detail) {
        CaseSummary summary = detail.summary();
        StringBuilder md = new StringBuilder();
        md.append("## ").append(summary.id()).append(": ").append(cell(summary.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "State", summary.state().id() + (summary.resolution() == null ? "" : " (" + summary.resolution() + ")"));
        row(md, "Severity", summary.severity().id() + " (GuardDuty up to " + summary.maxScore() + ")");
        row(md, "Finding type", "`" + summary.type() + "`");
        row(md, "Findings", String.valueOf(summary.findings()));
        row(md, "Playbook", summary.playbook() + (summary.playbookVersion() == null ? "" : " " + summary.playbookVersion()));
        row(md, "First seen", CaseText.time(summary.firstSeen()));
        row(md, "Last seen", CaseText.time(summary.lastSeen()));
        row(md, "Opened", CaseText.time(summary.openedAt()));

        Verdict verdict = detail.verdict();
        if (verdict != null && verdict.facts() != null) {
            Facts facts = verdict.facts();
            md.append("\n### Facts\n\n| | |\n|---|---|\n");
            row(md, "Account", known(facts.accountId()) + (facts.accountName() == null ? "" : " (" + facts.accountName() + ")"));
            row(md, "Environment", known(facts.environment()));
            row(md, "Owner", known(facts.owner()) + (facts.contact() == null ? "" : ", " + facts.contact())
                    + (facts.channel() == null ? "" : ", " + facts.channel()));
            String role = facts.remoteRole();
            row(md, Character.toUpperCase(role.charAt(0)) + role.substring(1),
                    facts.remoteLabel() == null ? "unknown" : "`" + facts.remoteLabel() + "`"
                    + (facts.destinationOrganization() == null ? "" : " (" + facts.destinationOrganization() + ")"));
            row(md, "Instance", facts.instanceId() == null ? "unknown" : "`" + facts.instanceId() + "`");
        }
        if (!detail.resourceCounts().isEmpty()) {
            md.append("\n### Affected resources\n\n");
            for (Map.Entry<String, Long> kind : detail.resourceCounts().entrySet()) {
                List<String> names = detail.resources().get(kind.getKey());
                md.append("- ").append(kind.getKey()).append(" (").append(kind.getValue()).append("): ");
                md.append(String.join(", ", names.stream().map(name -> "`" + name + "`").toList()));
                md.append(kind.getValue() > names.size() ? ", ..." : "").append('\n');
            }
        }
        if (verdict != null) {
            md.append("\n### Verdict: ").append(verdict.disposition().id()).append(", ").append(verdict.severity().id())
                    .append("\n\nFrom finding `").append(verdict.findingId()).append("`.\n\n");
            if (!verdict.rules().isEmpty()) {
                md.append("| Rule | Effect | Why | Evidence |\n|---|---|---|---|\n");
                for (RuleHit rule : verdict.rules()) {
                    md.append("| `").append(cell(rule.id())).append("` | ").append(cell(rule.effect())).append(" | ")
                            .append(cell(rule.summary())).append(" | ").append(cell(rule.evidence().isEmpty() ? ""
                                    : rule.evidence().toString())).append(" |\n");
                }
            }
            if (!verdict.questions().isEmpty()) {
                md.append("\n**The runbook's questions**\n\n");
                for (Answer answer : verdict.questions()) {
                    md.append("- ").append(answer.question()).append(" **").append(answer.answer()).append("**")
                            .append(answer.evidence() == null ? "" : ": " + answer.evidence()).append('\n');
                }
            }
            if (!verdict.nextSteps().isEmpty()) {
                md.append("\n**Next steps**\n\n");
                verdict.nextSteps().forEach(step -> md.append("- ").append(step).append('\n'));
            }
        }
        if (!detail.checklist().isEmpty()) {
            md.append("\n### Checklist\n");
            String phase = null;
            for (ChecklistItem item : detail.checklist()) {
                if (!item.phase().equals(phase)) {
                    phase = item.phase();
                    md.append("\n**").append(phase).append("**\n\n");
                }
                md.append("- [").append(item.done() ? "x" : " ").append("] ").append(item.text())
                        .append(" (`").append(item.stepId()).append("`)");
                if (item.done()) {
                    md.append(": ").append(item.doneBy()).append(", ").append(CaseText.time(item.doneAt()))
                            .append(item.note() == null ? "" : ", " + item.note());
                }
                md.append('\n');
            }
        }
        CaseMetrics metrics = detail.metrics();
        md.append("\n### Metrics\n\n| Metric | Value |\n|---|---|\n");
        row(md, "Time to detection", Durations.text(metrics.timeToDetection()));
        row(md, "Time to containment", Durations.text(metrics.timeToContainment()));
        row(md, "Time to eradication", Durations.text(metrics.timeToEradication()));
        row(md, "Affected instances", String.valueOf(metrics.affectedInstances()));
        row(md, "Duration of the communication", Durations.text(metrics.communication()));

        md.append("\n### Timeline\n\n");
        for (TimelineEntry entry : detail.timeline()) {
            md.append("- ").append(CaseText.time(entry.at())).append(" **").append(entry.kind()).append("** by ")
                    .append(entry.actor()).append(entry.text() == null ? "" : ": " + entry.text()).append('\n');
        }
        if (detail.findingEvents() > detail.timeline().stream().filter(CaseText::findingEvent).count()) {
            md.append("- (").append(detail.findingEvents()).append(" findings joined or were updated in all)\n");
        }
        md.append("\n<sub>Exported by Vigil from case ").append(summary.id()).append(".</sub>\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String known(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
