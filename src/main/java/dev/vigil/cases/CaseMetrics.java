package dev.vigil.cases;

import java.time.Duration;

/**
 * The runbook's key metrics for one case. A duration is null while its end has not happened (not contained yet).
 *
 * @param timeToDetection first seen (GuardDuty's eventFirstSeen) to the first finding's creation
 * @param timeToContainment first seen to the move to {@code contained}
 * @param timeToEradication first seen to the move to {@code eradicated}
 * @param communication how long the unauthorized communication lasted: first seen to last seen
 */
public record CaseMetrics(Duration timeToDetection, Duration timeToContainment, Duration timeToEradication,
                          long affectedInstances, Duration communication) {

    public static CaseMetrics of(CaseSummary summary, long affectedInstances) {
        return new CaseMetrics(between(summary.firstSeen(), summary.detectedAt()),
                between(summary.firstSeen(), summary.containedAt()),
                between(summary.firstSeen(), summary.eradicatedAt()),
                affectedInstances,
                between(summary.firstSeen(), summary.lastSeen()));
    }

    private static Duration between(java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null) {
            return null;
        }
        Duration duration = Duration.between(from, to);
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
