package dev.vigil.ingest;

import java.util.Objects;

/**
 * A record that could not be read.
 *
 * @param source the file name (or {@code -} for stdin) the record came from
 * @param place where in the source: a line number ({@code 17}) for NDJSON and concatenated values, {@code record 3}
 *              (counted from 1) for the elements of an array or of a {@code Findings} list, {@code file} for the whole file
 * @param reason what is wrong and how to fix it
 * @param raw the record as it arrived (verbatim text; may be shortened for huge records, see docs/ingest.md)
 */
public record Rejection(String source, String place, String reason, String raw) {

    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(reason, "reason");
        raw = raw == null ? "" : raw;
    }

    /** {@code findings.ndjson:17: reason}, {@code export.json record 3: reason}, {@code dump.bin: reason}. */
    public String message() {
        if (place.isEmpty() || place.equals("file")) {
            return source + ": " + reason;
        }
        boolean line = Character.isDigit(place.charAt(0));
        return source + (line ? ":" : " ") + place + ": " + reason;
    }
}
