package dev.vigil.cases;

import dev.vigil.triage.Answer;
import dev.vigil.triage.Facts;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cases as text for the terminal: the list table and {@code vigil cases show}. */
public final class CaseText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Affected resources named per kind; the rest are counted (`--format json` has up to 50). */
    private static final int RESOURCES_SHOWN = 10;

    private CaseText() {
    }

    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    public static void list(List<CaseSummary> cases, PrintWriter out) {
        if (cases.isEmpty()) {
            out.println("no cases");
            return;
        }
        // the columns of "%-9s  %-13s  %-8s  %8d  %-17s  %s%n", padded by hand: a Formatter parses its pattern with a
        // regular expression at every line
        row(out, "ID", "STATE", "SEVERITY", "FINDINGS", "LAST SEEN", "TITLE");
        for (CaseSummary summary : cases) {
            String state = summary.state().id() + ("false_positive".equals(summary.resolution()) ? " (fp)" : "");
            row(out, summary.id().toString(), state, summary.severity().id(), Long.toString(summary.findings()),
                    time(summary.lastSeen()), summary.title());
        }
    }

    private static void row(PrintWriter out, String id, String state, String severity, String findings, String lastSeen,
                            String title) {
        StringBuilder line = new StringBuilder(160);
        padRight(line, id, 9).append("  ");
        padRight(line, state, 13).append("  ");
        padRight(line, severity, 8).append("  ");
        line.append(" ".repeat(Math.max(0, 8 - findings.length()))).append(findings).append("  ");
        padRight(line, lastSeen, 17).append("  ");
        line.append(title);
        out.println(line);
    }

    /** {@code text} and spaces up to {@code width} characters (nothing is cut), as "%-Ns" formats it. */
    private static StringBuilder padRight(StringBuilder line, String text, int width) {
        String shown = String.valueOf(text);
        return line.append(shown).append(" ".repeat(Math.max(0, width - shown.length())));
    }

    public static void show(CaseDetail detail, PrintWriter out) {
        CaseSummary summary = detail.summary();
        out.println(summary.id() + "  " + summary.title());
        out.println("state " + summary.state().id() + (summary.resolution() == null ? "" : " (" + summary.resolution() + ")")
                + ", severity " + summary.severity().id() + " (GuardDuty up to " + summary.maxScore() + "), "
                + summary.findings() + " finding" + (summary.findings() == 1 ? "" : "s")
                + ", playbook " + summary.playbook() + (summary.playbookVersion() == null ? "" : " " + summary.playbookVersion()));
        out.println("first seen " + time(summary.firstSeen()) + ", last seen " + time(summary.lastSeen())
                + ", opened " + time(summary.openedAt()) + ", updated " + time(summary.updatedAt()));

        Verdict verdict = detail.verdict();
        if (verdict != null && verdict.facts() != null) {
            out.println();
            out.println("Facts");
            facts(verdict.facts(), out);
        }
        if (!detail.resourceCounts().isEmpty()) {
            out.println();
            out.println("Affected resources");
            for (Map.Entry<String, Long> kind : detail.resourceCounts().entrySet()) {
                List<String> names = detail.resources().get(kind.getKey());
                List<String> shown = names.subList(0, Math.min(names.size(), RESOURCES_SHOWN));
                out.println("  " + kind.getKey() + " (" + kind.getValue() + "): " + String.join(", ", shown)
                        + (kind.getValue() > shown.size() ? " and " + (kind.getValue() - shown.size()) + " more" : ""));
            }
        }
        if (verdict != null) {
            out.println();
            out.println("Verdict (finding " + verdict.findingId() + "): " + verdict.disposition().id() + ", "
                    + verdict.severity().id());
            for (RuleHit rule : verdict.rules()) {
                out.println("  rule " + rule.id() + " [" + rule.effect() + "] " + nullToEmpty(rule.summary())
                        + (rule.evidence().isEmpty() ? "" : "  evidence: " + rule.evidence()));
            }
            for (Answer answer : verdict.questions()) {
                out.println("  " + answer.answer() + ": " + answer.question()
                        + (answer.evidence() == null ? "" : "  (" + answer.evidence() + ")"));
            }
            if (!verdict.nextSteps().isEmpty()) {
                out.println("  next steps:");
                verdict.nextSteps().forEach(step -> out.println("    - " + step));
            }
        }
        out.println();
        out.println("Checklist");
        if (detail.checklist().isEmpty()) {
            out.println("  (the playbook lists no steps)");
        }
        String phase = null;
        for (ChecklistItem item : detail.checklist()) {
            if (!item.phase().equals(phase)) {
                phase = item.phase();
                out.println("  " + phase);
            }
            out.println("    [" + (item.done() ? "x" : " ") + "] " + item.position() + ". " + item.stepId() + ": " + item.text()
                    + (item.done() ? "  (" + item.doneBy() + ", " + time(item.doneAt())
                    + (item.note() == null ? "" : ": " + item.note()) + ")" : ""));
        }
        CaseMetrics metrics = detail.metrics();
        out.println();
        out.println("Metrics");
        out.println("  time to detection " + Durations.text(metrics.timeToDetection())
                + ", to containment " + Durations.text(metrics.timeToContainment())
                + ", to eradication " + Durations.text(metrics.timeToEradication())
                + ", affected instances " + metrics.affectedInstances()
                + ", communication lasted " + Durations.text(metrics.communication()));
        if (!detail.recentFindings().isEmpty()) {
            out.println();
            out.println("Findings" + (summary.findings() > detail.recentFindings().size()
                    ? " (the " + detail.recentFindings().size() + " most severe and recent of " + summary.findings() + ")" : ""));
            for (CaseFinding finding : detail.recentFindings()) {
                out.println("  " + finding.id() + "  " + finding.disposition().id() + "/" + finding.severity().id()
                        + "  " + nullToEmpty(finding.resource()) + (finding.remote() == null ? "" : " -> " + finding.remote())
                        + "  count " + finding.count() + ", updated " + time(finding.updatedAt()));
            }
        }
        out.println();
        out.println("Timeline");
        long shown = detail.timeline().stream().filter(CaseText::findingEvent).count();
        boolean gapShown = false;
        int seen = 0;
        for (TimelineEntry entry : detail.timeline()) {
            if (findingEvent(entry)) {
                seen++;
                if (!gapShown && seen > shown / 2 && detail.findingEvents() > shown) {
                    out.println("  ... " + (detail.findingEvents() - shown) + " more findings joined or were updated ...");
                    gapShown = true;
                }
            }
            out.println("  " + time(entry.at()) + "  " + entry.actor() + "  " + entry.kind()
                    + (entry.findingId() == null || entry.kind().equals("opened") ? "" : " " + entry.findingId())
                    + (entry.text() == null ? "" : ": " + entry.text()));
        }
    }

    static boolean findingEvent(TimelineEntry entry) {
        return entry.kind().equals("finding_joined") || entry.kind().equals("finding_updated");
    }

    private static void facts(Facts facts, PrintWriter out) {
        line(out, "account", join(" ", facts.accountId(), facts.accountName() == null && facts.environment() == null ? null
                : "(" + join(", ", facts.accountName(), facts.environment()) + ")"));
        line(out, "owner", join(", ", facts.owner(), facts.contact(), facts.channel()));
        line(out, facts.remoteRole(), join(" ", facts.remoteLabel(), facts.destinationOrganization() == null ? null
                : "(" + facts.destinationOrganization() + ")"));
        line(out, "instance", facts.instanceId());
        line(out, "activity", facts.firstSeen() == null ? null : time(facts.firstSeen()) + " to " + time(facts.lastSeen()));
    }

    private static void line(PrintWriter out, String label, String value) {
        StringBuilder line = new StringBuilder("  ");
        padRight(line, label, 12).append(' ').append(value == null || value.isBlank() ? "unknown" : value);
        out.println(line);
    }

    private static String join(String separator, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(joined.length() == 0 ? "" : separator).append(part);
            }
        }
        return joined.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
