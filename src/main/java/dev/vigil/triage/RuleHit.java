package dev.vigil.triage;

import java.util.Map;

/**
 * A playbook rule that fired. {@code effect} says what it did ({@code suppress}, {@code raise:high}, {@code lower:low},
 * {@code disposition:escalate}, ...); {@code evidence} holds the values that made it fire (the matched range, the port, the instances).
 */
public record RuleHit(String id, String effect, String summary, Map<String, Object> evidence) {

    public RuleHit {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
