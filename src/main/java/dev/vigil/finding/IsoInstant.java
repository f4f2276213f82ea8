package dev.vigil.finding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits as needed:
 * {@code 2026-10-31T23:56:30.603Z}) computed without {@code DateTimeFormatter}, which took 15 % of the time spent writing
 * verdicts. Years outside 0000-9999 go through {@link Instant#toString()}.
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private IsoInstant() {
    }

    /** The longest text {@link #write} writes: a year of four digits and nine digits of fraction. */
    static final int MAX_LENGTH = 30;

    static String format(Instant instant) {
        byte[] text = new byte[MAX_LENGTH];
        int length = write(instant, text, 0);
        return length < 0 ? instant.toString() : new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the text as ASCII bytes into {@code out} from {@code at} (room for {@link #MAX_LENGTH} bytes): the output
     * writes it straight into its buffer, without a String between. Returns the index after the text, or -1 for a year
     * outside 0000-9999 (nothing written: {@link Instant#toString()} has the text).
     */
    static int write(Instant instant, byte[] out, int at) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= AFTER_LAST) {
            return -1;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian as java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        int nanos = instant.getNano();
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, month, 2);
        out[at + 7] = '-';
        digits(out, at + 8, day, 2);
        out[at + 10] = 'T';
        digits(out, at + 11, secondOfDay / 3600, 2);
        out[at + 13] = ':';
        digits(out, at + 14, secondOfDay / 60 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, secondOfDay % 60, 2);
        int end = at + 19;
        if (nanos != 0) {
            out[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(out, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1000 == 0) {
                digits(out, end, nanos / 1000, 6);
                end += 6;
            } else {
                digits(out, end, nanos, 9);
                end += 9;
            }
        }
        out[end++] = 'Z';
        return end;
    }

    private static void digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
