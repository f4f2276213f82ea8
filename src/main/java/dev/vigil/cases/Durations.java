package dev.vigil.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as responders write and read them: {@code 30d}, {@code 12h}, {@code 2h 05m}. */
public final class Durations {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([smhdw])");

    private Durations() {
    }

    /** {@code 3d 4h}, {@code 2h 05m}, {@code 4m 10s}, {@code 12s}; {@code -} for null. */
    public static String text(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = duration.getSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + twoDigits(minutes) + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + twoDigits(rest) + "s";
        }
        return rest + "s";
    }

    /** 0 to 59 as two digits; a Formatter's "%02d" parsed its pattern with a regular expression at every call. */
    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    /** The same for a number of seconds (a median may fall between two whole seconds). */
    public static String seconds(Double seconds) {
        return seconds == null ? "-" : text(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /**
     * The start of a window: {@code 30d}, {@code 12h}, {@code 90m}, {@code 2w} before {@code now}, or a date
     * ({@code 2026-11-01}, midnight UTC) or instant ({@code 2026-11-01T08:00:00Z}).
     */
    public static Instant since(String text, Instant now) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = AMOUNT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration unit = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return text.contains("T") ? Instant.parse(text.trim()) : LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CaseException("--since \"" + text + "\" is neither a window like 30d, 12h, 90m, 2w nor a date like "
                    + "2026-11-01 or an instant like 2026-11-01T08:00:00Z");
        }
    }
}
