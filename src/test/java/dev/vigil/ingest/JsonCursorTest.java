package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The cursor's name comparison, eight bytes at a time, says what String equality says. */
class JsonCursorTest {

    @Property(tries = 3000)
    void aFieldNameIsTheNameWhenItsBytesAreEqual(@ForAll @AlphaChars @StringLength(min = 0, max = 40) String name,
                                                 @ForAll int changeAt, @ForAll boolean change,
                                                 @ForAll @IntRange(min = 0, max = 3) int lengthChange,
                                                 @ForAll @IntRange(min = 0, max = 12) int after) {
        StringBuilder read = new StringBuilder(name);
        if (change && !name.isEmpty()) {
            int at = Math.floorMod(changeAt, name.length());
            read.setCharAt(at, read.charAt(at) == 'x' ? 'y' : 'x');
        }
        read.append("ab", 0, Math.min(2, lengthChange));
        if (lengthChange == 3 && read.length() > 0) {
            read.setLength(read.length() - 1);
        }
        // the record ends right after the value, or a few bytes later: names near the end of the bytes compare too
        String json = "{\"" + read + "\":1}" + " ".repeat(after);
        byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        JsonCursor cursor = new JsonCursor(bytes, 0, bytes.length);
        cursor.enter();
        assertThat(cursor.nextField()).isTrue();

        assertThat(cursor.nameIs(FieldName.of(name))).isEqualTo(read.toString().equals(name));
    }
}
