package dev.vigil.triage;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.vigil.finding.Severity;
import java.util.Locale;

/** The runbook's severity: high, medium or low. GuardDuty's critical counts as high. */
public enum Level {
    LOW, MEDIUM, HIGH;

    /** The id, made once: triage compares and writes it for every finding. */
    private final String id = name().toLowerCase(Locale.ROOT);

    public static Level of(Severity.Label label) {
        return switch (label) {
            case LOW -> LOW;
            case MEDIUM -> MEDIUM;
            case HIGH, CRITICAL -> HIGH;
        };
    }

    public static Level parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public Level max(Level other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
