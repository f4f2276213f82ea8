package dev.vigil.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Instants are written exactly as Instant.toString() (and the Java time module) writes them. */
class IsoInstantTest {

    @Property(tries = 2000)
    void formatsAsInstantToString(@ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long seconds,
                                  @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                  @ForAll @IntRange(min = 0, max = 3) int rounding) {
        int rounded = switch (rounding) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1000 * 1000;
            default -> nanos;
        };
        Instant instant = Instant.ofEpochSecond(seconds, rounded);
        assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
    }

    @Test
    void theEdgesOfFourDigitYearsFormatAsInstantToString() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.100Z", "2026-10-31T23:56:30.603Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void jsonWritesInstantsAsTheJavaTimeModuleDoes() throws Exception {
        Instant instant = Instant.parse("2026-10-31T23:56:30.603Z");
        assertThat(Json.mapper().writeValueAsString(Map.of("at", instant))).isEqualTo("{\"at\":\"2026-10-31T23:56:30.603Z\"}");
        assertThat(Json.mapper().writer().with(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(instant))
                .isEqualTo(instant.getEpochSecond() + ".603000000");
    }
}
