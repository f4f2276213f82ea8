package dev.vigil.intel;

import java.util.Locale;

/** How sensitive an account is. {@code UNKNOWN} when the account directory does not say. */
public enum Environment {
    PRODUCTION, STAGING, DEVELOPMENT, SANDBOX, UNKNOWN;

    /** The lower-case name, made once: triage writes it into the facts of every verdict. */
    private final String text = name().toLowerCase(Locale.ROOT);

    public static Environment parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "production", "prod" -> PRODUCTION;
            case "staging", "stage" -> STAGING;
            case "development", "dev", "test", "testing" -> DEVELOPMENT;
            case "sandbox" -> SANDBOX;
            default -> throw new IllegalArgumentException("unknown environment \"" + text
                    + "\": use production, staging, development or sandbox");
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
