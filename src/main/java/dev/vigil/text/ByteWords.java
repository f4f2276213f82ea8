package dev.vigil.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes eight at a time: the little-endian word at an index of a byte array, and zero-byte tests on words (which
 * bytes are a given value, which a JSON string cannot hold as they are). The reader's and the writer's scans use
 * them: C1 compiles a loop over single bytes to about a nanosecond a byte, a word test to about as much a word.
 * A test's result has the high bit set in each flagged byte; only the lowest flag is exact (a borrow may flag bytes
 * above it), which is all a scan for the first one needs.
 */
public final class ByteWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The little-endian word of the eight bytes from {@code at}. */
    public static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** {@code value} in every byte of a word. */
    public static long repeated(char value) {
        return ONES * (value & 0xFF);
    }

    /** The bytes of {@code word} that equal the byte {@code repeated} holds in every byte ({@link #repeated}). */
    public static long equalBytes(long word, long repeated) {
        long zeroWhereEqual = word ^ repeated;
        return (zeroWhereEqual - ONES) & ~zeroWhereEqual & HIGH_BITS;
    }

    /**
     * The bytes of {@code word} that end a run of plain JSON string bytes: a quote, a backslash, a control character
     * (below 0x20) or any byte from 0x80 on (part of a multi-byte UTF-8 sequence).
     */
    public static long jsonSpecialBytes(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        // a byte below 0x20 borrows in word - 0x20..; a byte from 0x80 on has its high bit set already
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - 0x2020202020202020L) | word)
                & HIGH_BITS;
    }

    /**
     * The index (0 to 7) of the lowest flagged byte in {@code flags} (a test's result, not 0): the lowest flag,
     * shifted to bit 0 of its byte, times 0x0001..07 puts the index in the top byte. C1 does not compile
     * {@code Long.numberOfTrailingZeros} to one instruction.
     */
    public static int firstFlaggedByte(long flags) {
        return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
    }
}
