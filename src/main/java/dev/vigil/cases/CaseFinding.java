package dev.vigil.cases;

import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import java.time.Instant;

/** A finding of a case as the case shows it. */
public record CaseFinding(String id, String type, String resource, String remote, Disposition disposition, Level severity,
                          long count, Instant createdAt, Instant updatedAt, String decidingRule) {
}
