package dev.vigil.cases;

import java.time.Instant;

/**
 * One event on a case's append-only timeline.
 *
 * @param kind {@code opened}, {@code finding_joined}, {@code finding_updated}, {@code moved}, {@code step_checked} or {@code note}
 */
public record TimelineEntry(long id, Instant at, String actor, String kind, String fromState, String toState,
                            String findingId, String text) {
}
