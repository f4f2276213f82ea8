package dev.vigil.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.text.ByteWords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * JSON written by hand into UTF-8 bytes, byte for byte as {@link Json#mapper()} writes the same values: strings escaped
 * as Jackson escapes them (the short escapes {@code \" \\ \b \t \n \f \r}, other control characters and each half of a
 * surrogate pair as {@code \}{@code uXXXX} in capitals, everything else as UTF-8), null map entries left out, instants
 * through {@link IsoInstant}. Writing verdicts through Jackson's serializers cost twice the CPU of this (its string
 * serializer and per-character segment writer were 40 % of the writer thread). Values of other types than those
 * {@link #value} names go through Jackson. Not thread-safe: one per writer, {@link #clear() cleared} between documents.
 */
public final class JsonBytes {

    private static final long QUESTION_MARKS = ByteWords.repeated('?');
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 written as is, -1 as {@code \}{@code u00XX}, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    /** Slots of the cache of {@link #recurring} texts (direct-mapped by hash), and the longest text kept. */
    private static final int RECURRING_SLOTS = 1024;
    private static final int RECURRING_MAX_LENGTH = 128;

    private byte[] bytes = new byte[8192];
    private char[] chars = new char[256];
    private final String[] recurringTexts = new String[RECURRING_SLOTS];
    private final byte[][] recurringJson = new byte[RECURRING_SLOTS][];
    private int length;

    /** Forgets what was written, keeping the buffer. */
    public void clear() {
        length = 0;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** ASCII text written as is: punctuation, line ends. */
    public JsonBytes raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public JsonBytes raw(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Opens an object or array: {@code {} or {@code [}. */
    public JsonBytes open(char bracket) {
        return raw(bracket);
    }

    /** Closes an object or array: {@code }} or {@code ]}. */
    public JsonBytes close(char bracket) {
        return raw(bracket);
    }

    /**
     * A member's name, after a comma unless it is the first of its object. A value never ends in an opening bracket,
     * so the byte before tells whether one was written.
     */
    public JsonBytes name(String name) {
        separate();
        string(name);
        return raw(':');
    }

    /** A member's name as {@link #name(byte[])} takes it: the JSON string and the colon, encoded once. */
    public static byte[] encodedName(String name) {
        JsonBytes out = new JsonBytes();
        out.string(name).raw(':');
        return out.toByteArray();
    }

    /** A string value encoded beforehand, for {@link #raw(byte[])}. */
    public static byte[] encodedString(String value) {
        return new JsonBytes().string(value).toByteArray();
    }

    /** A member's name encoded beforehand ({@link #encodedName}): the names of a record's members are constants. */
    public JsonBytes name(byte[] encodedName) {
        separate();
        return raw(encodedName);
    }

    /** JSON encoded beforehand (a name, a constant value), copied in as is. */
    public JsonBytes raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    /** Before an array element: a comma unless it is the first. */
    public JsonBytes element() {
        separate();
        return this;
    }

    private void separate() {
        if (length > 0) {
            byte last = bytes[length - 1];
            if (last != '{' && last != '[') {
                raw(',');
            }
        }
    }

    /** A member whose value is a string; left out when the value is null (Vigil's JSON has no nulls). */
    public JsonBytes field(String name, String value) {
        if (value != null) {
            name(name).string(value);
        }
        return this;
    }

    /** As {@link #field(String, String)}, the name encoded beforehand. */
    public JsonBytes field(byte[] encodedName, String value) {
        if (value != null) {
            name(encodedName).string(value);
        }
        return this;
    }

    /** As {@link #field(byte[], String)} for a value that recurs: see {@link #recurring}. */
    public JsonBytes recurringField(byte[] encodedName, String value) {
        if (value != null) {
            name(encodedName).recurring(value);
        }
        return this;
    }

    /**
     * A string that the caller expects to write again, the same String object (a rule's id, an answer, an account's
     * owner): its JSON is kept, by identity, in a small direct-mapped cache and copied in at the next time, rather than
     * escaped and encoded character by character again. Strings made anew for each value (summaries, evidence) should
     * go through {@link #string}: caching them would only cost their hash and a copy.
     */
    public JsonBytes recurring(String value) {
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (RECURRING_SLOTS - 1);
        if (recurringTexts[slot] == value) {
            return raw(recurringJson[slot]);
        }
        int start = length;
        string(value);
        if (value.length() <= RECURRING_MAX_LENGTH) {
            recurringTexts[slot] = value;
            recurringJson[slot] = Arrays.copyOfRange(bytes, start, length);
        }
        return this;
    }

    /** An instant as {@link IsoInstant} writes it, straight into the buffer. */
    public JsonBytes instant(Instant instant) {
        ensure(IsoInstant.MAX_LENGTH + 2);
        int end = IsoInstant.write(instant, bytes, length + 1);
        if (end < 0) {
            return string(instant.toString());
        }
        bytes[length] = '"';
        bytes[end] = '"';
        length = end + 1;
        return this;
    }

    public JsonBytes number(long value) {
        if (value >= 0 && value < 10) {
            return raw((char) ('0' + value));
        }
        return raw(Long.toString(value));
    }

    public JsonBytes string(String value) {
        // Most text is ASCII with nothing to escape: copied out as Latin-1 bytes in one call, checked, and copied in
        // (getChars and a branch per character were most of the writer thread). A character beyond Latin-1 comes out as
        // '?', so a '?' (or anything to escape or encode) sends the text through the general path below.
        byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
        if (plainAscii(latin1)) {
            ensure(2 + latin1.length);
            bytes[length++] = '"';
            System.arraycopy(latin1, 0, bytes, length, latin1.length);
            length += latin1.length;
            bytes[length++] = '"';
            return this;
        }
        return escapedString(value);
    }

    /**
     * Whether every byte is printable ASCII that JSON writes as is, other than '?' (see {@link #string}). Eight bytes
     * at a time ({@link ByteWords}, as the reader scans strings): a byte at a time was a fifth of the writer thread.
     */
    static boolean plainAscii(byte[] text) {
        int i = 0;
        for (int limit = text.length - 8; i <= limit; i += 8) {
            long word = ByteWords.word(text, i);
            if ((ByteWords.jsonSpecialBytes(word) | ByteWords.equalBytes(word, QUESTION_MARKS)) != 0) {
                return false;
            }
        }
        for (; i < text.length; i++) {
            byte b = text[i];
            if (b < 0x20 || b == '"' || b == '\\' || b == '?') {
                return false;
            }
        }
        return true;
    }

    /** The general path of {@link #string}: escapes, and characters beyond ASCII encoded as UTF-8. */
    private JsonBytes escapedString(String value) {
        int count = value.length();
        // the worst case, 6 bytes a character (an escape), checked once for short strings
        ensure(2 + 6 * count);
        if (count > chars.length) {
            chars = new char[Math.max(count, 2 * chars.length)];
        }
        // copied out in one call and read from the array: String.charAt for each character was half of this method
        char[] text = chars;
        value.getChars(0, count, text, 0);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        for (int i = 0; i < count; i++) {
            char c = text[i];
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape > 0) {
                    out[at++] = '\\';
                    out[at++] = escape;
                } else {
                    at = unicodeEscape(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // Jackson writes each half of a pair as an escape (the pair is not combined into one UTF-8 sequence)
                at = unicodeEscape(out, at, c);
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        out[at++] = '"';
        length = at;
        return this;
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xf];
        out[at++] = HEX[(c >> 8) & 0xf];
        out[at++] = HEX[(c >> 4) & 0xf];
        out[at++] = HEX[c & 0xf];
        return at;
    }

    /**
     * Any value as Jackson would write it: strings, integers, booleans, instants, lists and maps with string keys by
     * hand, anything else (decimals, other objects) through {@link Json#mapper()}.
     */
    public JsonBytes value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return number(((Number) value).longValue());
        }
        if (value instanceof Boolean yes) {
            return raw(yes ? "true" : "false");
        }
        if (value == null) {
            return raw("null");
        }
        if (value instanceof Instant instant) {
            return instant(instant);
        }
        if (value instanceof List<?> list) {
            open('[');
            for (Object element : list) {
                element().value(element);
            }
            return close(']');
        }
        if (value instanceof Map<?, ?> map && stringKeys(map)) {
            open('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                // the mapper leaves out null entries (NON_NULL applies to map contents too)
                if (entry.getValue() != null) {
                    name((String) entry.getKey()).value(entry.getValue());
                }
            }
            return close('}');
        }
        return jackson(value);
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private JsonBytes jackson(Object value) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
        ensure(json.length);
        System.arraycopy(json, 0, bytes, length, json.length);
        length += json.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
