package dev.vigil.ingest;

import dev.vigil.text.ByteWords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A forward-only reader of one record's UTF-8 JSON bytes for the streaming mappers: what Jackson's token stream was to
 * them, cheaper where the reader spent its time. Field names are matched as bytes against the names Vigil reads
 * ({@link FieldIndex}, {@link Key#named}), without a String per name; values Vigil does not read are skipped by a scan;
 * a string of plain ASCII becomes a Latin-1 String with one copy ({@code new String(bytes, ISO_8859_1)}), where Jackson
 * decoded to a char array and the String compressed it back. Strings are scanned eight bytes at a time.
 * <p>
 * It is stricter than Jackson, never more lenient: anything it does not read exactly as Jackson would throws
 * {@link NotStreamable}, and the tree path reads the record (accepting it, or rejecting it with Jackson's
 * message). That covers malformed JSON, bytes that are not well-formed UTF-8 (overlong forms, surrogates), escapes
 * in field names, numbers longer than {@value #MAX_NUMBER_LENGTH} characters or beyond a long, and skipped values
 * nested more than {@value #MAX_SKIPPED_DEPTH} deep (Jackson allows 1,000 digits and 1,000 levels). Escapes and
 * other UTF-8 in string values are decoded as Jackson decodes them. Whitespace is what JSON allows: space, tab, line
 * feed, carriage return.
 * <p>
 * After {@link #nextField} or {@link #nextElement} the cursor stands at the first byte of a value; every method that
 * reads a value consumes it whole. Not thread-safe: one per record.
 */
final class JsonCursor {

    private static final int MAX_NUMBER_LENGTH = 64;
    private static final int MAX_SKIPPED_DEPTH = 64;
    private static final int MAX_NAME_LENGTH = 1024;


    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final byte[] buf;
    private final int end;
    /** Reading one line of NDJSON: a line break ends the record (the splitter counts lines), it is not whitespace. */
    private final boolean oneLine;
    private int pos;
    /** Set on entering an object or array, until its first member: that one comes without a comma. */
    private boolean first;
    private int nameStart;
    private int nameLength;
    /** The name's first eight bytes as a little-endian word, zero-padded when it is shorter (see {@link FieldName}). */
    private long nameHead;
    private int numberStart;
    private int numberLength;

    JsonCursor(byte[] buffer, int offset, int length) {
        this(buffer, offset, offset + length, false);
    }

    private JsonCursor(byte[] buffer, int offset, int end, boolean oneLine) {
        this.buf = buffer;
        this.pos = offset;
        this.end = end;
        this.oneLine = oneLine;
    }

    /** A cursor over the line that starts at {@code offset}, of which the bytes up to {@code limit} are read. */
    static JsonCursor line(byte[] buffer, int offset, int limit) {
        return new JsonCursor(buffer, offset, limit, true);
    }

    /** The cursor's index in the buffer: the first byte of the value at the cursor, or the byte after the last read. */
    int position() {
        return pos;
    }

    void skipWhitespace() {
        byte[] b = buf;
        int i = pos;
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            if (b[i] == '\n' && oneLine) {
                throw NotStreamable.INSTANCE;
            }
            i++;
        }
        pos = i;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        skipWhitespace();
        return pos == end;
    }

    /** The index of the line break ending the line after blanks (space, tab, carriage return); -1 for anything else. */
    int lineEnd() {
        byte[] b = buf;
        int i = pos;
        while (i < end && (b[i] == ' ' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < end && b[i] == '\n' ? i : -1;
    }

    /** The first byte of the value at the cursor: {@code { [ " t f n -} or a digit in JSON. */
    byte peek() {
        if (pos >= end) {
            throw NotStreamable.INSTANCE;
        }
        return buf[pos];
    }

    /**
     * Whether the eight bytes at the cursor are {@code word} ({@link #word}): a cheap test for the compact JSON a mapper
     * expects next. The cursor does not move.
     */
    boolean at(long word) {
        int i = pos;
        return i + 8 <= end && ByteWords.word(buf, i) == word;
    }

    /** Whether the eight bytes at the cursor are {@code word} and the byte after them is {@code then}. */
    boolean at(long word, byte then) {
        return at(word) && pos + 8 < end && buf[pos + 8] == then;
    }

    /** Moves {@code count} bytes on, over bytes {@link #at} has seen. */
    void skip(int count) {
        pos += count;
    }

    /** The little-endian word of eight ASCII characters, for {@link #at}. */
    static long word(String eight) {
        byte[] bytes = eight.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 8) {
            throw new IllegalArgumentException(eight);
        }
        return ByteWords.word(bytes, 0);
    }

    /** Steps into the object or array at the cursor (its first byte is checked by the caller). */
    void enter() {
        pos++;
        first = true;
    }

    /**
     * Moves to the next field of the object the cursor is in: true with its name read ({@link #nameIs}, {@link #name})
     * and the cursor at its value, false once past the object's closing brace.
     */
    boolean nextField() {
        byte b = significant();
        if (b == '}') {
            pos++;
            first = false;
            return false;
        }
        if (first) {
            first = false;
        } else if (b == ',') {
            pos++;
            b = significant();
        } else {
            throw NotStreamable.INSTANCE;
        }
        if (b != '"') {
            throw NotStreamable.INSTANCE;
        }
        readName();
        // compact JSON: the colon, then the value's first byte
        int i = pos;
        if (i + 1 < end && buf[i] == ':' && buf[i + 1] > ' ') {
            pos = i + 1;
            return true;
        }
        if (significant() != ':') {
            throw NotStreamable.INSTANCE;
        }
        pos++;
        significant();
        return true;
    }

    /** What {@link #nextMember} gives once past the closing bracket: no byte has this value. */
    private static final int CLOSED = 256;

    /**
     * Past the comma before the next member of the object or array the cursor is in: the member's first byte, or
     * {@link #CLOSED} once past {@code closing}.
     */
    private int nextMember(byte closing) {
        byte b = significant();
        if (b == closing) {
            pos++;
            first = false;
            return CLOSED;
        }
        if (first) {
            first = false;
            return b;
        }
        if (b != ',') {
            throw NotStreamable.INSTANCE;
        }
        pos++;
        return significant();
    }

    /** The byte at the cursor after whitespace; compact JSON has none, which the first test sees (C1 inlines this). */
    private byte significant() {
        int i = pos;
        if (i < end) {
            byte c = buf[i];
            if (c > ' ') {
                return c;
            }
        }
        return afterWhitespace();
    }

    private byte afterWhitespace() {
        skipWhitespace();
        return peek();
    }

    /** Moves to the next element of the array the cursor is in: true at it, false once past the closing bracket. */
    boolean nextElement() {
        return nextMember((byte) ']') != CLOSED;
    }

    /**
     * The index of the first byte from {@code from} on that ends a run of plain string bytes: a quote, a backslash, a
     * control character or the first byte of a multi-byte UTF-8 sequence; {@code end} when there is none. Eight bytes
     * at a time (zero-byte tests on the word), as most names and values are 5 to 40 plain ASCII bytes.
     */
    private int plainEnd(int from) {
        byte[] b = buf;
        int i = from;
        int limit = end - 8;
        while (i <= limit) {
            long found = ByteWords.jsonSpecialBytes(ByteWords.word(b, i));
            if (found != 0) {
                return i + ByteWords.firstFlaggedByte(found);
            }
            i += 8;
        }
        while (i < end) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
            i++;
        }
        return end;
    }

    /**
     * A field name with escapes is the tree path's; other UTF-8 is checked, and never matches a name Vigil reads. The
     * name's first word, which the scan reads anyway, is kept: {@link #nameIs} and {@link #nameHash} need no other
     * read for most names.
     */
    private void readName() {
        byte[] b = buf;
        int start = pos + 1;
        int i;
        long first;
        if (start + 16 <= end) {
            // most names end within two words: no call to scan them
            first = ByteWords.word(b, start);
            long found = ByteWords.jsonSpecialBytes(first);
            if (found != 0) {
                i = start + ByteWords.firstFlaggedByte(found);
            } else {
                found = ByteWords.jsonSpecialBytes(ByteWords.word(b, start + 8));
                i = found != 0 ? start + 8 + ByteWords.firstFlaggedByte(found) : plainEnd(start + 16);
            }
        } else if (start + 8 <= end) {
            first = ByteWords.word(b, start);
            long found = ByteWords.jsonSpecialBytes(first);
            i = found != 0 ? start + ByteWords.firstFlaggedByte(found) : plainEnd(start + 8);
        } else {
            i = plainEnd(start);
            first = 0;
            for (int k = Math.min(i, start + 8) - 1; k >= start; k--) {
                first = first << 8 | (b[k] & 0xFF);
            }
        }
        while (i < end && b[i] < 0) {
            i = plainEnd(utf8SequenceEnd(i));
        }
        if (i >= end || b[i] != '"' || i - start > MAX_NAME_LENGTH) {
            throw NotStreamable.INSTANCE;
        }
        int length = i - start;
        nameStart = start;
        nameLength = length;
        nameHead = length >= 8 ? first : first & ((1L << (length << 3)) - 1);
        pos = i + 1;
    }

    /**
     * Whether the field name last read is {@code name}; small, for C1 to inline. A name of fewer than eight bytes is
     * its head word: its bytes are never zero (control characters end a name), so the zero padding fixes its length.
     */
    boolean nameIs(FieldName name) {
        return name.head == nameHead && (nameLength < 8 || sameLongName(name));
    }

    /** The rest of the comparison for a name of eight bytes or more, whose head words are equal: eight bytes at a time. */
    private boolean sameLongName(FieldName name) {
        int n = nameLength;
        if (name.length != n) {
            return false;
        }
        byte[] b = buf;
        int at = nameStart;
        if (ByteWords.word(b, at + n - 8) != name.tail) {
            return false;
        }
        for (int k = 8; k < n - 8; k += 8) {
            if (ByteWords.word(b, at + k) != ByteWords.word(name.bytes, k)) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the field name last read, as {@link #hash} computes it. */
    int nameHash() {
        return hash(nameHead, nameLength);
    }

    /** A hash of a name from its length and head word (the names of one object differ there, or in length). */
    static int hash(long head, int length) {
        return (int) (((head ^ length) * 0x9E3779B97F4A7C15L) >>> 32);
    }

    /** The field name last read, as a String (for the rare objects whose names are data, such as a tag map). */
    String name() {
        return new String(buf, nameStart, nameLength, StandardCharsets.UTF_8);
    }

    /** Skips the value at the cursor, checking it is well-formed. */
    void skipValue() {
        skipValue(0);
    }

    private void skipValue(int depth) {
        switch (peek()) {
            case '"' -> {
                // a plain string (most are) ends at the first byte the scan stops at: no call to skipString
                int close = plainEnd(pos + 1);
                if (close < end && buf[close] == '"') {
                    pos = close + 1;
                } else {
                    skipString();
                }
            }
            case '{' -> {
                checkDepth(depth);
                enter();
                while (nextField()) {
                    skipValue(depth + 1);
                }
            }
            case '[' -> {
                checkDepth(depth);
                enter();
                while (nextElement()) {
                    skipValue(depth + 1);
                }
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> number();
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_SKIPPED_DEPTH) {
            throw NotStreamable.INSTANCE;
        }
    }

    /** Reads {@code true} or {@code false} at the cursor. */
    boolean readBoolean() {
        if (peek() == 't') {
            literal(TRUE);
            return true;
        }
        literal(FALSE);
        return false;
    }

    /** Reads {@code null} at the cursor. */
    void readNull() {
        literal(NULL);
    }

    private void literal(byte[] word) {
        if (end - pos < word.length) {
            throw NotStreamable.INSTANCE;
        }
        for (int k = 0; k < word.length; k++) {
            if (buf[pos + k] != word[k]) {
                throw NotStreamable.INSTANCE;
            }
        }
        pos += word.length;
    }

    /**
     * The string at the cursor (at its opening quote). Plain ASCII, the common case, is copied once into a Latin-1
     * String; escapes and other UTF-8 are decoded.
     */
    String string() {
        int start = pos + 1;
        int i = plainEnd(start);
        if (i < end && buf[i] == '"') {
            pos = i + 1;
            return new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
        }
        return decodeString(start, i);
    }

    /**
     * The time in the string at the cursor, when it is plain ASCII that {@link Timestamps#fastIso(byte[], int, int)}
     * reads (the common shape, read without making a String); null, the cursor unmoved, for any other string.
     */
    Instant isoTime() {
        int start = pos + 1;
        int close = plainEnd(start);
        if (close >= end || buf[close] != '"') {
            return null;
        }
        Instant time = Timestamps.fastIso(buf, start, close);
        if (time != null) {
            pos = close + 1;
        }
        return time;
    }

    /**
     * The string or null at the cursor as {@link Values#text} reads it: null for JSON null and blank text; any other
     * value is the tree path's. Plain ASCII is blank only when it is all spaces (the other whitespace characters are
     * escaped or control characters), so the check rarely looks past the first byte.
     */
    String textOrNull() {
        int start = pos + 1;
        if (start > end || buf[pos] != '"') {
            readNull();
            return null;
        }
        int i = plainEnd(start);
        if (i < end && buf[i] == '"') {
            pos = i + 1;
            int k = start;
            while (k < i && buf[k] == ' ') {
                k++;
            }
            return k == i ? null : new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
        }
        String text = decodeString(start, i);
        return text.isBlank() ? null : text;
    }

    /** Decodes the string from {@code start}; its bytes before {@code from} are plain ASCII. */
    private String decodeString(int start, int from) {
        byte[] b = buf;
        char[] chars = new char[from - start + 64];
        int n = 0;
        int i = start;
        int run = from;
        while (true) {
            if (n + (run - i) + 2 > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, n + (run - i) + 2));
            }
            for (; i < run; i++) {
                chars[n++] = (char) b[i];
            }
            if (i >= end) {
                throw NotStreamable.INSTANCE;
            }
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return new String(chars, 0, n);
            }
            if (c == '\\') {
                chars[n++] = escaped(i);
                i += b[i + 1] == 'u' ? 6 : 2;
            } else if (c < 0) {
                int next = utf8SequenceEnd(i);
                int codePoint = codePoint(i, next - i);
                if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    chars[n++] = Character.highSurrogate(codePoint);
                    chars[n++] = Character.lowSurrogate(codePoint);
                } else {
                    chars[n++] = (char) codePoint;
                }
                i = next;
            } else {
                throw NotStreamable.INSTANCE;
            }
            run = plainEnd(i);
        }
    }

    /** Skips the string at the cursor, checking its escapes and UTF-8. */
    void skipString() {
        byte[] b = buf;
        int i = plainEnd(pos + 1);
        while (true) {
            if (i >= end) {
                throw NotStreamable.INSTANCE;
            }
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                escaped(i);
                i += b[i + 1] == 'u' ? 6 : 2;
            } else if (c < 0) {
                i = utf8SequenceEnd(i);
            } else {
                throw NotStreamable.INSTANCE;
            }
            i = plainEnd(i);
        }
    }

    /**
     * The string at the cursor when its text contains {@code word} (ASCII letters), else null; only such strings are
     * decoded. An escape never stands for a letter except {@code \}{@code u}, so without one the raw bytes tell. One
     * pass over the bytes checks the string as {@link #skipString} does and looks for the word: the JSON text GuardDuty
     * repeats in additionalInfo has an escape every few bytes, which cut a word scan short, and a second pass read
     * every byte again.
     */
    String stringContaining(byte[] word) {
        byte[] b = buf;
        int start = pos;
        byte letter = word[0];
        boolean candidate = false;
        int i = start + 1;
        while (true) {
            if (i >= end) {
                throw NotStreamable.INSTANCE;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped(i);
                if (b[i + 1] == 'u') {
                    candidate = true;
                    i += 6;
                } else {
                    i += 2;
                }
            } else if (c < 0) {
                i = utf8SequenceEnd(i);
            } else if (c < 0x20) {
                throw NotStreamable.INSTANCE;
            } else {
                if (c == letter && !candidate && end - i >= word.length && matches(i, word)) {
                    candidate = true;
                }
                i++;
            }
        }
        if (!candidate) {
            pos = i + 1;
            return null;
        }
        String text = string();
        return text.contains(new String(word, StandardCharsets.ISO_8859_1)) ? text : null;
    }

    private boolean matches(int at, byte[] word) {
        for (int k = 1; k < word.length; k++) {
            if (buf[at + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** The character an escape at {@code at} (its backslash) stands for; JSON's escapes only, as Jackson reads them. */
    private char escaped(int at) {
        if (at + 1 >= end) {
            throw NotStreamable.INSTANCE;
        }
        return switch (buf[at + 1]) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (end - at < 6) {
                    throw NotStreamable.INSTANCE;
                }
                yield (char) (hexDigit(buf[at + 2]) << 12 | hexDigit(buf[at + 3]) << 8 | hexDigit(buf[at + 4]) << 4
                        | hexDigit(buf[at + 5]));
            }
            default -> throw NotStreamable.INSTANCE;
        };
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw NotStreamable.INSTANCE;
    }

    /**
     * The end of the multi-byte UTF-8 sequence starting at {@code at}, which must be well-formed (Unicode's table 3-7:
     * no overlong forms, no surrogates, nothing above U+10FFFF). Jackson reads some ill-formed ones; the tree path
     * decides about those.
     */
    private int utf8SequenceEnd(int at) {
        int lead = buf[at] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw NotStreamable.INSTANCE;
        }
        if (end - at < length) {
            throw NotStreamable.INSTANCE;
        }
        int second = buf[at + 1] & 0xFF;
        if (second < min || second > max) {
            throw NotStreamable.INSTANCE;
        }
        for (int k = 2; k < length; k++) {
            if ((buf[at + k] & 0xC0) != 0x80) {
                throw NotStreamable.INSTANCE;
            }
        }
        return at + length;
    }

    private int codePoint(int at, int length) {
        int lead = buf[at] & 0xFF;
        int value = length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (int k = 1; k < length; k++) {
            value = value << 6 | (buf[at + k] & 0x3F);
        }
        return value;
    }

    /**
     * Scans the number at the cursor as JSON writes numbers (Jackson's grammar without its options); true when it is
     * integral (no fraction, no exponent), as Jackson's VALUE_NUMBER_INT.
     */
    boolean number() {
        byte[] b = buf;
        int start = pos;
        int i = pos;
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end) {
            throw NotStreamable.INSTANCE;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            i = digits(i + 1);
        } else {
            throw NotStreamable.INSTANCE;
        }
        boolean integral = true;
        if (i < end && b[i] == '.') {
            integral = false;
            int fraction = i + 1;
            i = digits(fraction);
            if (i == fraction) {
                throw NotStreamable.INSTANCE;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(exponent);
            if (i == exponent) {
                throw NotStreamable.INSTANCE;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw NotStreamable.INSTANCE;
        }
        numberStart = start;
        numberLength = i - start;
        pos = i;
        return integral;
    }

    private int digits(int from) {
        int i = from;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * The value of the integral number last scanned; one of more than 18 digits (perhaps beyond a long, which Jackson
     * reads as a BigInteger) is the tree path's.
     */
    long integralValue() {
        int i = numberStart;
        int stop = numberStart + numberLength;
        boolean negative = buf[i] == '-';
        if (negative) {
            i++;
        }
        if (stop - i > 18) {
            throw NotStreamable.INSTANCE;
        }
        long value = 0;
        for (; i < stop; i++) {
            value = value * 10 + (buf[i] - '0');
        }
        return negative ? -value : value;
    }

    /** The number last scanned as Jackson's {@code getDoubleValue} gives it: {@link Double#parseDouble}. */
    double doubleValue() {
        return Double.parseDouble(new String(buf, numberStart, numberLength, StandardCharsets.ISO_8859_1));
    }
}
