package dev.vigil.cli;

import dev.vigil.cases.Distribution;
import dev.vigil.cases.Durations;
import dev.vigil.cases.MetricGroup;
import dev.vigil.cases.MetricsReport;
import dev.vigil.cases.SuppressionCount;
import dev.vigil.cases.CaseText;
import dev.vigil.finding.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil metrics}: the runbook's key metrics per finding type and severity, and suppression hits per rule. */
@Command(name = "metrics",
        mixinStandardHelpOptions = true,
        description = {"The runbook's key metrics over the cases seen in a window, per finding type and severity: count, "
                + "median and 90th percentile of the time to detection (first seen -> GuardDuty's finding), to containment and "
                + "to eradication (first seen -> the move), the affected instances, and how long the communication lasted "
                + "(first -> last seen).",
                "Then the findings each suppression rule kept out of cases, so that a noisy or a dead rule shows."},
        footerHeading = "%nExamples:%n",
        footer = {"  vigil metrics", "  vigil metrics --since 7d --format json", "  vigil metrics --since 2026-11-01",
                "  vigil metrics --playbooks my-playbooks/"})
public final class MetricsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Option(names = "--since", paramLabel = "WINDOW|DATE", defaultValue = "30d",
            description = "Cases seen since then: 30d, 12h, 2w, or a date 2026-11-01 (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    String format;

    @Option(names = "--playbooks", paramLabel = "DIR",
            description = "The playbook directories triage uses (repeatable), so that their suppression rules that never"
                    + " fired are named too; the bundled playbooks always count.")
    List<Path> playbookDirs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Formats.check(format, "table", "json");
        Instant from = StoreOptions.orUsageError(() -> Durations.since(since, Instant.now()));
        List<String> suppressionRules = PlaybooksListCommand.load(playbookDirs).all().stream()
                .flatMap(playbook -> playbook.suppressions().stream())
                .map(suppression -> suppression.id())
                .toList();
        MetricsReport report = store.withStore(s -> s.metrics(from)).withSuppressionRules(suppressionRules);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            table(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void table(MetricsReport report, PrintWriter out) {
        out.println("Cases seen since " + CaseText.time(report.since()) + " (median / p90)");
        String header = "%-40s %-8s %6s %8s  %-17s  %-17s  %-17s  %-9s  %-17s%n";
        out.printf(Locale.ROOT, header, "TYPE", "SEVERITY", "CASES", "FINDINGS", "DETECTION", "CONTAINMENT", "ERADICATION",
                "INSTANCES", "COMMUNICATION");
        for (MetricGroup group : report.groups()) {
            row(group, out);
        }
        row(report.total(), out);
        out.println();
        out.println("Suppression hits per rule (findings kept out of cases)");
        if (report.suppressions().isEmpty()) {
            out.println("  none: no suppression rule fired in the window");
        }
        for (SuppressionCount count : report.suppressions()) {
            out.printf(Locale.ROOT, "  %-40s %-15s %8d  last %s%n", count.rule(), count.disposition(), count.hits(),
                    CaseText.time(count.lastHit()));
        }
        for (String silent : report.silentSuppressions()) {
            out.printf(Locale.ROOT, "  %-40s %-15s %8d  never fired in the window%n", silent, "-", 0);
        }
    }

    private static void row(MetricGroup group, PrintWriter out) {
        out.printf(Locale.ROOT, "%-40s %-8s %6d %8d  %-17s  %-17s  %-17s  %-9s  %-17s%n",
                group.type() == null ? "all" : group.type(), group.severity() == null ? "all" : group.severity().id(),
                group.cases(), group.findings(), durations(group.timeToDetection()), durations(group.timeToContainment()),
                durations(group.timeToEradication()), counts(group.affectedInstances()), durations(group.communication()));
    }

    private static String durations(Distribution distribution) {
        return Durations.seconds(distribution.median()) + " / " + Durations.seconds(distribution.p90());
    }

    private static String counts(Distribution distribution) {
        return distribution.median() == null ? "- / -"
                : trim(distribution.median()) + " / " + trim(distribution.p90());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
