package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Answer;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.util.Map;

/**
 * A readable table: disposition, severity, type, account name, resource, remote endpoint, the deciding rule. Columns
 * have fixed widths so rows can be printed as they come; with {@code --explain} each row is followed by its trace.
 */
final class TableVerdictWriter implements VerdictWriter {

    private static final String FORMAT = "%-14s  %-8s  %-40s  %-20s  %-21s  %-22s  %s";

    private final PrintWriter out;
    private final boolean explain;
    private boolean headerWritten;

    TableVerdictWriter(PrintWriter out, boolean explain) {
        this.out = out;
        this.explain = explain;
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        if (!headerWritten) {
            out.println(String.format(FORMAT, "DISPOSITION", "SEVERITY", "TYPE", "ACCOUNT", "RESOURCE", "REMOTE", "DECIDED BY").stripTrailing());
            headerWritten = true;
        }
        RuleHit deciding = verdict.decidingRule();
        String account = verdict.facts().accountName() != null ? verdict.facts().accountName()
                : verdict.accountId() == null ? "" : verdict.accountId();
        String remote = finding.remote().map(r -> r.label()).orElse("");
        out.println(String.format(FORMAT, verdict.disposition().id(), verdict.severity().id(), verdict.type(), account,
                finding.resource().label(), remote, deciding == null ? "(" + verdict.playbook() + ": GuardDuty's severity)"
                        : deciding.id()).stripTrailing());
        if (explain) {
            explain(verdict, out, "    ");
        }
    }

    /** The trace of one verdict: playbook, each rule that fired with its evidence, each question's answer, next steps. */
    static void explain(Verdict verdict, PrintWriter out, String indent) {
        out.println(indent + "finding " + verdict.findingId() + ", playbook " + verdict.playbook() + " " + verdict.playbookVersion()
                + ", case " + verdict.caseKey());
        if (verdict.rules().isEmpty()) {
            out.println(indent + "no rule fired: severity is GuardDuty's band");
        }
        for (RuleHit hit : verdict.rules()) {
            out.println(indent + "rule " + hit.id() + " [" + hit.effect() + "]: " + hit.summary());
            for (Map.Entry<String, Object> evidence : hit.evidence().entrySet()) {
                out.println(indent + "    " + evidence.getKey() + " = " + evidence.getValue());
            }
        }
        for (Answer answer : verdict.questions()) {
            out.println(indent + "? " + answer.question() + " -> " + answer.answer()
                    + (answer.evidence() == null ? "" : " (" + answer.evidence() + ")"));
        }
        for (String step : verdict.nextSteps()) {
            out.println(indent + "> " + step);
        }
    }

    @Override
    public void finish() {
        if (!headerWritten) {
            out.println("no findings");
        }
        out.flush();
    }
}
