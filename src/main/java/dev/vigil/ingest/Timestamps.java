package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps GuardDuty data carries: ISO-8601 ({@code 2025-02-25T20:40:06.721Z}, with or without zone or offset),
 * the same with a space ({@code 2025-02-25 20:40:06.721}, read as UTC), epoch seconds (integer or fractional) and epoch
 * milliseconds, as numbers or numeric strings. The common shape is parsed by hand (no formatter per record).
 */
final class Timestamps {

    /** Epoch numbers above this are milliseconds (1e11 seconds is the year 5138). */
    private static final double MILLIS_THRESHOLD = 1e11;

    private Timestamps() {
    }

    /** The instant, null when absent; throws {@link RecordException} naming the field when present but unreadable. */
    static Instant read(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return fromEpoch(node.doubleValue(), node.isIntegralNumber() ? node.longValue() : Long.MIN_VALUE, field);
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            Instant instant = parse(text);
            if (instant != null) {
                return instant;
            }
        }
        throw new RecordException(field + " is " + Values.kind(node) + ", not a time: use ISO-8601 such as "
                + "\"2025-02-25T20:40:06.721Z\", epoch seconds or epoch milliseconds");
    }

    /** Parses the text forms; null when it is none of them. */
    static Instant parse(String text) {
        Instant fast = fastIso(text);
        if (fast != null) {
            return fast;
        }
        if (isNumeric(text)) {
            try {
                double value = Double.parseDouble(text);
                long whole = text.indexOf('.') < 0 ? Long.parseLong(text) : Long.MIN_VALUE;
                return fromEpoch(value, whole, "time");
            } catch (NumberFormatException | RecordException notEpoch) {
                return null;
            }
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    static Instant fromEpoch(double value, long whole, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || value > 1e14) {
            throw new RecordException(field + " is " + value + ", not a time: epoch values must be seconds or "
                    + "milliseconds after 1970");
        }
        if (value >= MILLIS_THRESHOLD) {
            return whole != Long.MIN_VALUE ? Instant.ofEpochMilli(whole) : Instant.ofEpochMilli(Math.round(value));
        }
        if (whole != Long.MIN_VALUE) {
            return Instant.ofEpochSecond(whole);
        }
        long seconds = (long) Math.floor(value);
        long nanos = Math.round((value - seconds) * 1_000_000) * 1000L;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean isNumeric(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }

    /** {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z]}; anything else (offsets included) returns null for the slow path. */
    private static Instant fastIso(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int scale = 100_000_000;
            int start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (scale > 0) {
                    nanos += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        if (i < n) {
            if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
                i++;
            } else {
                return null;
            }
        }
        return instant(year, month, day, hour, minute, second, nanos);
    }

    /**
     * {@link #fastIso(String)} on the bytes {@code [from, to)} of a JSON string without escapes, for the streaming
     * reader (no String made); null for anything else, whitespace around the time included, which the caller then
     * reads as text. Where it gives an instant, {@link #parse} gives the same for the same text.
     */
    static Instant fastIso(byte[] s, int from, int to) {
        int n = to - from;
        if (n < 19 || s[from + 4] != '-' || s[from + 7] != '-' || (s[from + 10] != 'T' && s[from + 10] != ' ')
                || s[from + 13] != ':' || s[from + 16] != ':') {
            return null;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = from + 19;
        int nanos = 0;
        if (i < to && s[i] == '.') {
            i++;
            int scale = 100_000_000;
            int start = i;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                if (scale > 0) {
                    nanos += (s[i] - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        if (i < to && !(i == to - 1 && (s[i] == 'Z' || s[i] == 'z'))) {
            return null;
        }
        return instant(year, month, day, hour, minute, second, nanos);
    }

    /** The instant of a UTC date and time whose fields are in range; null when the day is past the month's end. */
    private static Instant instant(int year, int month, int day, int hour, int minute, int second, int nanos) {
        if (day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
