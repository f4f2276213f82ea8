package dev.vigil.cases;

import java.time.Instant;

/** How many findings a suppression rule kept out of cases, and when it last did: a noisy rule counts high, a dead one not at all. */
public record SuppressionCount(String rule, String disposition, long hits, Instant lastHit) {
}
