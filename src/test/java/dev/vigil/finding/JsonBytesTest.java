package dev.vigil.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The writer's fast paths agree with the plain rules they stand for. */
class JsonBytesTest {

    /** Eight bytes at a time, anywhere in the text, as a byte at a time would say. */
    @Property(tries = 5000)
    void plainAsciiIsAByteAtATimeCheck(@ForAll("texts") byte[] text) {
        boolean plain = true;
        for (byte b : text) {
            plain &= b >= 0x20 && b != '"' && b != '\\' && b != '?';
        }
        assertThat(JsonBytes.plainAscii(text)).isEqualTo(plain);
    }

    @Property(tries = 2000)
    void instantsAreWrittenAsTheirTextInQuotes(@ForAll("instants") Instant instant) {
        JsonBytes out = new JsonBytes();
        out.raw('[').instant(instant).element().instant(instant).raw(']');
        assertThat(out.toString()).isEqualTo("[\"" + instant + "\",\"" + instant + "\"]");
    }

    @Provide
    Arbitrary<byte[]> texts() {
        // mostly plain letters, with now and then a byte of every class the check looks for, or one next to them
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.bytes().between((byte) 'a', (byte) 'z')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) '"', (byte) '\\', (byte) '?', (byte) 0, (byte) 0x1F,
                        (byte) 0x20, (byte) 0x21, (byte) 0x23, (byte) 0x3E, (byte) 0x40, (byte) 0x5B, (byte) 0x5D,
                        (byte) 0x7F, (byte) 0x80, (byte) 0xA0, (byte) 0xFF, (byte) 0x01, (byte) 0xC3)));
        return bytes.array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-70_000_000_000L, 300_000_000_000L)
                        .flatMap(seconds -> Arbitraries.of(0, 1, 603_000_000, 603_100_000, 999_999_999)
                                .map(nanos -> Instant.ofEpochSecond(seconds, nanos))),
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH));
    }
}
