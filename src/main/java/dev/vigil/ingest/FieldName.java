package dev.vigil.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A field name the streaming mappers look for (ASCII), kept with its bytes as little-endian words so that
 * {@link JsonCursor#nameIs} compares a name eight bytes at a time: C1 compiles a byte-by-byte comparison to about
 * 1.5 ns a byte, and a reader compares some 130 names per finding. Immutable.
 */
final class FieldName {

    final byte[] bytes;
    final int length;
    /** The first eight bytes, zero-padded when the name is shorter. */
    final long head;
    /** The last eight bytes, for a name of eight bytes or more. */
    final long tail;
    /** {@link JsonCursor#hash} of the name. */
    final int hash;

    private FieldName(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
        this.head = word(bytes, 0);
        this.tail = bytes.length >= 8 ? word(bytes, bytes.length - 8) : 0;
        this.hash = JsonCursor.hash(head, length);
    }

    static FieldName of(String name) {
        return new FieldName(name.getBytes(StandardCharsets.US_ASCII));
    }

    /** The little-endian word of up to eight bytes from {@code from}. */
    private static long word(byte[] bytes, int from) {
        long word = 0;
        for (int k = Math.min(8, bytes.length - from) - 1; k >= 0; k--) {
            word = word << 8 | (bytes[from + k] & 0xFF);
        }
        return word;
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
