package dev.vigil.cases;

import java.util.Locale;

/** A case's human-friendly id: {@code C-000123}. Parsed from {@code C-000123}, {@code c-123} or {@code 123}. */
public record CaseId(long number) {

    public CaseId {
        if (number < 1) {
            throw new IllegalArgumentException("case numbers start at 1, was " + number);
        }
    }

    public static CaseId parse(String text) {
        String trimmed = text.trim().toUpperCase(Locale.ROOT);
        String digits = trimmed.startsWith("C-") ? trimmed.substring(2) : trimmed;
        try {
            long number = Long.parseLong(digits);
            if (number >= 1) {
                return new CaseId(number);
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new CaseException("\"" + text + "\" is not a case id; case ids look like C-000123 (or just 123), see `vigil cases list`");
    }

    @Override
    public String toString() {
        // "C-%06d" by hand: a Formatter parses its pattern with a regular expression at every call, and a list prints
        // fifty of these
        String digits = Long.toString(number);
        return "C-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }
}
