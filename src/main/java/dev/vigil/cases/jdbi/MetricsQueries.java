package dev.vigil.cases.jdbi;

import dev.vigil.cases.Distribution;
import dev.vigil.cases.MetricGroup;
import dev.vigil.cases.MetricsReport;
import dev.vigil.cases.SuppressionCount;
import dev.vigil.triage.Level;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes the runbook's key metrics from the cases and findings in the store (plain JDBC, see {@link Rows}). */
public final class MetricsQueries {

    /** The numbers of one case that the metrics are made of. */
    record CaseNumbers(String type, Level severity, long findings, Long firstSeen, Long lastSeen, Long detectedAt,
                       Long containedAt, Long eradicatedAt, long instances) {

        Double seconds(Long from, Long to) {
            return from == null || to == null ? null : Math.max(0, to - from) / 1000.0;
        }
    }

    private final Connection connection;

    /** Queries on {@code connection}; the caller closes it. */
    public MetricsQueries(Connection connection) {
        this.connection = connection;
    }

    public MetricsReport report(Instant since, Instant until) {
        List<CaseNumbers> cases = Rows.list(connection, "SELECT c.type, c.level_rank, c.finding_count, c.first_seen, "
                        + "c.last_seen, c.detected_at, c.contained_at, c.eradicated_at, "
                        + "(SELECT count(*) FROM case_resources r WHERE r.case_number = c.number AND r.kind = 'instance') AS instances "
                        + "FROM cases c WHERE c.last_seen >= ? OR c.opened_at >= ?",
                rows -> new CaseNumbers(rows.getString("type"), CaseQueries.level(rows.getInt("level_rank")),
                        rows.getLong("finding_count"), Times.nullableLong(rows, "first_seen"),
                        Times.nullableLong(rows, "last_seen"), Times.nullableLong(rows, "detected_at"),
                        Times.nullableLong(rows, "contained_at"), Times.nullableLong(rows, "eradicated_at"),
                        rows.getLong("instances")),
                since.toEpochMilli(), since.toEpochMilli());
        Map<String, List<CaseNumbers>> byGroup = new TreeMap<>();
        for (CaseNumbers numbers : cases) {
            byGroup.computeIfAbsent(numbers.type() + "\u0000" + (9 - numbers.severity().ordinal()), key -> new ArrayList<>())
                    .add(numbers);
        }
        List<MetricGroup> groups = new ArrayList<>();
        for (List<CaseNumbers> group : byGroup.values()) {
            groups.add(group(group.get(0).type(), group.get(0).severity(), group));
        }
        List<SuppressionCount> suppressions = Rows.list(connection, "SELECT suppressed_by, disposition, count(*) AS hits, "
                        + "max(created_at) AS last_hit FROM findings WHERE suppressed_by IS NOT NULL "
                        + "AND (created_at >= ? OR stored_at >= ?) "
                        + "GROUP BY suppressed_by, disposition",
                rows -> new SuppressionCount(rows.getString("suppressed_by"), rows.getString("disposition"),
                        rows.getLong("hits"), Times.instant(rows, "last_hit")),
                since.toEpochMilli(), since.toEpochMilli());
        List<SuppressionCount> sorted = new ArrayList<>(suppressions);
        sorted.sort(Comparator.comparingLong(SuppressionCount::hits).reversed().thenComparing(SuppressionCount::rule));
        return new MetricsReport(since, until, groups, group(null, null, cases), sorted, List.of());
    }

    static MetricGroup group(String type, Level severity, List<CaseNumbers> cases) {
        long findings = cases.stream().mapToLong(CaseNumbers::findings).sum();
        return new MetricGroup(type, severity, cases.size(), findings,
                distribution(cases, c -> c.seconds(c.firstSeen(), c.detectedAt())),
                distribution(cases, c -> c.seconds(c.firstSeen(), c.containedAt())),
                distribution(cases, c -> c.seconds(c.firstSeen(), c.eradicatedAt())),
                distribution(cases, c -> (double) c.instances()),
                distribution(cases, c -> c.seconds(c.firstSeen(), c.lastSeen())));
    }

    private static Distribution distribution(List<CaseNumbers> cases, Function<CaseNumbers, Double> metric) {
        List<Double> values = new ArrayList<>();
        for (CaseNumbers numbers : cases) {
            values.add(metric.apply(numbers));
        }
        return Distribution.of(values);
    }
}
