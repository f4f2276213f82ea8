package dev.vigil.playbook;

import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import java.util.Map;

/**
 * A severity rule: when {@code when} holds, it may raise the severity, lower it (only a {@code benign} rule, one that
 * finds the activity legitimate), set a disposition (expected, investigate or escalate), and it always leaves a
 * one-line {@code summary} and its {@code evidence} in the verdict.
 */
public record Rule(String id, Location location, Expression when, boolean benign, Level raise, Level lower,
                   Disposition disposition, Template summary, Map<String, Expression> evidence) {

    public Rule {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    /** {@code raise:high,disposition:escalate}, {@code lower:low,disposition:expected}, or {@code note}. */
    public String effect() {
        StringBuilder effect = new StringBuilder();
        if (raise != null) {
            effect.append("raise:").append(raise.id());
        }
        if (lower != null) {
            effect.append(effect.length() > 0 ? "," : "").append("lower:").append(lower.id());
        }
        if (disposition != null) {
            effect.append(effect.length() > 0 ? "," : "").append("disposition:").append(disposition.id());
        }
        return effect.length() == 0 ? "note" : effect.toString();
    }
}
