package dev.vigil.finding;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GuardDuty's severity: a number from 1.0 to 10.0 and the band it falls in. */
public record Severity(double score) {

    /** GuardDuty's bands: 1.0-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. */
    public enum Label {
        LOW, MEDIUM, HIGH, CRITICAL;

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Severity {
        if (Double.isNaN(score) || score < 0 || score > 10) {
            throw new IllegalArgumentException("severity must be between 0 and 10, was " + score);
        }
    }

    @JsonProperty("label")
    public Label label() {
        if (score >= 9.0) {
            return Label.CRITICAL;
        }
        if (score >= 7.0) {
            return Label.HIGH;
        }
        if (score >= 4.0) {
            return Label.MEDIUM;
        }
        return Label.LOW;
    }
}
