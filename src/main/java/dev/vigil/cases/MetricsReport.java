package dev.vigil.cases;

import java.time.Instant;
import java.util.List;

/**
 * {@code vigil metrics}: per finding type and severity, and for all cases together ({@code total}); suppression hits per rule.
 * Covers the cases seen (last seen or opened) and the suppressed findings created since {@code since}.
 */
public record MetricsReport(Instant since, Instant until, List<MetricGroup> groups, MetricGroup total,
                           List<SuppressionCount> suppressions) {

    public MetricsReport {
        groups = List.copyOf(groups);
        suppressions = List.copyOf(suppressions);
    }
}
