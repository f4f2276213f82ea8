package dev.vigil.cases;

import dev.vigil.triage.Level;

/**
 * The runbook's key metrics over the cases of one finding type and severity (type and severity null: every case).
 * Durations are in seconds; {@code affectedInstances} in instances.
 */
public record MetricGroup(String type, Level severity, long cases, long findings, Distribution timeToDetection,
                          Distribution timeToContainment, Distribution timeToEradication, Distribution affectedInstances,
                          Distribution communication) {
}
