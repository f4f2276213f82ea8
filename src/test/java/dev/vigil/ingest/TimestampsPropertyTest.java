package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The streaming reader's time parsing on bytes gives what {@link Timestamps#parse} gives for the same text. */
class TimestampsPropertyTest {

    @Provide
    Arbitrary<String> timeLikeText() {
        // the characters of the ISO shape, in any order and length: mostly not times at all
        return Arbitraries.strings().withChars("0123456789-:.TZz +").ofMinLength(0).ofMaxLength(32);
    }

    @Property(tries = 2000)
    void anyTextReadsAsParseReadsIt(@ForAll("timeLikeText") String text) {
        Instant fast = fastIso(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(Timestamps.parse(text));
        }
    }

    @Property(tries = 2000)
    void timesInTheCommonShapeAreReadFromTheBytes(@ForAll @IntRange(min = 1970, max = 2400) int year,
                                                  @ForAll @IntRange(min = 1, max = 12) int month,
                                                  @ForAll @IntRange(min = 1, max = 31) int day,
                                                  @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
                                                  @ForAll @IntRange(min = 0, max = 10) int fractionDigits,
                                                  @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                  @ForAll @IntRange(min = 0, max = 3) int shape) {
        String fraction = fractionDigits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, Math.min(9,
                fractionDigits)) + "7".repeat(Math.max(0, fractionDigits - 9));
        String text = String.format("%04d-%02d-%02d%s%02d:%02d:%02d%s%s", year, month, day, shape == 1 ? " " : "T",
                secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, fraction,
                List.of("Z", "", "z", "Z").get(shape));
        Instant fast = fastIso(text);
        assertThat(fast).isEqualTo(Timestamps.parse(text));
        if (day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
            LocalDateTime expected = LocalDateTime.of(year, month, day, 0, 0).plusSeconds(secondOfDay);
            assertThat(fast).isNotNull();
            assertThat(fast.getEpochSecond()).isEqualTo(expected.toEpochSecond(ZoneOffset.UTC));
        } else {
            assertThat(fast).isNull();
        }
    }

    private static Instant fastIso(String text) {
        byte[] bytes = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
        return Timestamps.fastIso(bytes, 1, bytes.length - 1);
    }
}
