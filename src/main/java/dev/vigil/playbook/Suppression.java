package dev.vigil.playbook;

import dev.vigil.triage.Disposition;
import dev.vigil.yaml.Place;
import java.time.LocalDate;
import java.util.Map;

/**
 * A known false positive or an accepted risk: when {@code when} holds, the finding gets {@code disposition}
 * ({@code false_positive} or {@code acknowledged}) for {@code reason}. From {@code expires} on (the day after the
 * date written), it no longer applies and the verdict says it expired.
 *
 * @param reference an issue or ticket tracking it, e.g. {@code #210}; may be null
 * @param expires the last day it applies; null when it does not expire
 */
public record Suppression(String id, Place location, Expression when, Disposition disposition, String reason,
                          String owner, String reference, LocalDate expires, Map<String, Expression> evidence) {

    public Suppression {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    /** Expired once {@code today} is after the expiry date. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
