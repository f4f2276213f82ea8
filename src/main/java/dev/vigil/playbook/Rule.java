package dev.vigil.playbook;

import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import dev.vigil.yaml.Place;
import java.util.Map;

/**
 * A severity rule: when {@code when} holds, it may raise the severity, lower it (only a {@code benign} rule, one that
 * finds the activity legitimate), set a disposition (expected, investigate or escalate), and it always leaves a
 * one-line {@code summary} and its {@code evidence} in the verdict.
 */
public record Rule(String id, Place location, Expression when, boolean benign, Level raise, Level lower,
                   Disposition disposition, Template summary, Map<String, Expression> evidence) {

    public Rule {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    private static final int LEVELS = Level.values().length + 1;
    private static final int DISPOSITIONS = Disposition.values().length + 1;
    /**
     * The effects' texts by (raise, lower, disposition), made once: a rule's effect is asked for every time it fires,
     * and the same String each time lets the output's cache of recurring texts find it. Races only make a text twice.
     */
    private static final String[] EFFECTS = new String[LEVELS * LEVELS * DISPOSITIONS];

    /** {@code raise:high,disposition:escalate}, {@code lower:low,disposition:expected}, or {@code note}. */
    public String effect() {
        int slot = (ordinal(raise) * LEVELS + ordinal(lower)) * DISPOSITIONS + ordinal(disposition);
        String effect = EFFECTS[slot];
        if (effect == null) {
            effect = describeEffect();
            EFFECTS[slot] = effect;
        }
        return effect;
    }

    private static int ordinal(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    private String describeEffect() {
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
