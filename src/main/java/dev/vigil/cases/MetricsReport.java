package dev.vigil.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code vigil metrics}: per finding type and severity, and for all cases together ({@code total}); suppression hits per rule.
 * Covers the cases seen (last seen or opened) and the suppressed findings created since {@code since}.
 *
 * @param silentSuppressions the suppression rules of the playbooks in use that did not fire in the window (dead or
 *                           not needed any more), when the caller knows the playbooks; else empty
 */
public record MetricsReport(Instant since, Instant until, List<MetricGroup> groups, MetricGroup total,
                           List<SuppressionCount> suppressions, List<String> silentSuppressions) {

    public MetricsReport {
        groups = List.copyOf(groups);
        suppressions = List.copyOf(suppressions);
        silentSuppressions = List.copyOf(silentSuppressions);
    }

    /** The same report, naming which of {@code suppressionRules} did not fire. */
    public MetricsReport withSuppressionRules(Collection<String> suppressionRules) {
        Set<String> fired = new HashSet<>();
        suppressions.forEach(count -> fired.add(count.rule()));
        List<String> silent = suppressionRules.stream().filter(rule -> !fired.contains(rule)).distinct().sorted().toList();
        return new MetricsReport(since, until, groups, total, suppressions, silent);
    }
}
