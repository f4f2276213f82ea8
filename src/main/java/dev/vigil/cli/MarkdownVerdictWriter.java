package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Answer;
import dev.vigil.triage.Facts;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Step;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;

/** Verdicts as Markdown, to paste into a GitHub issue: facts, why, the runbook's questions, next steps as a task list. */
final class MarkdownVerdictWriter implements VerdictWriter {

    private final PrintWriter out;
    private final boolean explain;

    MarkdownVerdictWriter(PrintWriter out, boolean explain) {
        this.out = out;
        this.explain = explain;
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        Facts facts = verdict.facts();
        out.println("### " + verdict.disposition().id() + " · " + verdict.severity().id() + " · `" + verdict.type() + "`");
        out.println();
        out.println("| | |");
        out.println("|---|---|");
        row("Finding", "`" + verdict.findingId() + "`");
        row("Account", code(facts.accountId()) + (facts.accountName() == null ? "" : " " + facts.accountName())
                + (facts.environment() == null ? "" : " (" + facts.environment() + ")"));
        row("Owner", join(facts.owner(), facts.contact(), facts.channel()));
        row("Resource", code(finding.resource().label()));
        row("Remote", finding.remote().map(r -> code(r.label())).orElse("")
                + (facts.destinationOrganization() == null ? "" : " " + facts.destinationOrganization()));
        row("First / last seen", facts.firstSeen() + " / " + facts.lastSeen());
        row("Playbook", "`" + verdict.playbook() + "` " + verdict.playbookVersion());
        out.println();
        if (!verdict.rules().isEmpty()) {
            out.println("**Why**");
            out.println();
            for (RuleHit hit : verdict.rules()) {
                out.println("- `" + hit.id() + "` (" + hit.effect() + "): " + hit.summary()
                        + (hit.evidence().isEmpty() ? "" : " — " + hit.evidence()));
            }
            out.println();
        }
        if (!verdict.questions().isEmpty()) {
            out.println("**Runbook questions**");
            out.println();
            for (Answer answer : verdict.questions()) {
                out.println("- " + answer.question() + " **" + answer.answer() + "**"
                        + (answer.evidence() == null ? "" : " (" + answer.evidence() + ")"));
            }
            out.println();
        }
        if (!verdict.nextSteps().isEmpty()) {
            out.println("**Next steps**");
            out.println();
            verdict.nextSteps().forEach(step -> out.println("- [ ] " + step));
            out.println();
        }
        if (explain && !verdict.checklist().isEmpty()) {
            out.println("<details><summary>Checklist</summary>");
            out.println();
            String phase = null;
            for (Step step : verdict.checklist()) {
                if (!step.phase().equals(phase)) {
                    phase = step.phase();
                    out.println("**" + phase + "**");
                    out.println();
                }
                out.println("- [ ] " + step.text());
            }
            out.println();
            out.println("</details>");
            out.println();
        }
    }

    private void row(String name, String value) {
        out.println("| " + name + " | " + (value == null ? "" : value.replace("|", "\\|")) + " |");
    }

    private static String code(String text) {
        return text == null || text.isEmpty() ? "" : "`" + text + "`";
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                joined.append(joined.length() == 0 ? "" : ", ").append(part);
            }
        }
        return joined.toString();
    }

    @Override
    public void finish() {
        out.flush();
    }
}
