package dev.vigil.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Formats instants the way GuardDuty does ({@code 2026-11-02T07:41:05.123Z}, always with milliseconds). */
final class Timestamps {

    private Timestamps() {
    }

    static String iso(long epochMillis) {
        ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(24);
        pad(out, time.getYear(), 4).append('-');
        pad(out, time.getMonthValue(), 2).append('-');
        pad(out, time.getDayOfMonth(), 2).append('T');
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2).append('.');
        pad(out, (int) Math.floorMod(epochMillis, 1000L), 3).append('Z');
        return out.toString();
    }

    /** EventBridge's envelope time: whole seconds. */
    static String isoSeconds(long epochMillis) {
        String iso = iso(epochMillis);
        return iso.substring(0, 19) + "Z";
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
