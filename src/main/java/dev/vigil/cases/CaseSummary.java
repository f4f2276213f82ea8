package dev.vigil.cases;

import dev.vigil.triage.Level;
import java.time.Instant;

/**
 * One case as {@code vigil cases list} shows it, with the times its metrics come from.
 *
 * @param resolution {@code resolved} or {@code false_positive} once closed, else null
 * @param detectedAt when the earliest of its findings was created by GuardDuty
 */
public record CaseSummary(CaseId id, String title, String type, String accountId, CaseState state, String resolution,
                          Level severity, double maxScore, long findings, String playbook, String playbookVersion,
                          Instant firstSeen, Instant lastSeen, Instant detectedAt, Instant openedAt, Instant updatedAt,
                          Instant investigatingAt, Instant containedAt, Instant eradicatedAt, Instant recoveredAt,
                          Instant closedAt) {
}
