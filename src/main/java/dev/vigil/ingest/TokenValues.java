package dev.vigil.ingest;

import dev.vigil.finding.FindingType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the value at a {@link JsonCursor} the way {@link Values}, {@link Timestamps} and {@link GuardDutyMapper} read
 * the same value as a tree node. Where the tree path would read it differently or reject it (a number where text is
 * expected, a duplicate field, an unreadable time) it throws {@link NotStreamable}, and the record goes through the
 * tree path. Every method consumes the value it reads.
 */
final class TokenValues {

    private TokenValues() {
    }

    /** Marks field {@code bit} of an object as seen; seen twice (a duplicate, or both spellings) is the tree path's case. */
    static long once(long seen, int bit) {
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw NotStreamable.INSTANCE;
        }
        return seen | mask;
    }

    /** Text as {@link Values#text}: null for JSON null and blank text (small, for C1 to inline). */
    static String text(JsonCursor c) {
        return c.textOrNull();
    }

    /** As {@link Values#integer}. */
    static Integer integer(JsonCursor c) {
        return switch (c.peek()) {
            case '"' -> Values.integer(c.string());
            case 'n' -> {
                c.readNull();
                yield null;
            }
            default -> {
                long value = integral(c);
                if (value != (int) value) {
                    throw NotStreamable.INSTANCE;
                }
                yield (int) value;
            }
        };
    }

    /** As {@link Values#longOr}. */
    static long longOr(JsonCursor c, long fallback) {
        return switch (c.peek()) {
            case '"' -> Values.longOr(c.string(), fallback);
            case 'n' -> {
                c.readNull();
                yield fallback;
            }
            default -> integral(c);
        };
    }

    /** An integral number (one in the range of a long) at the cursor; anything else is the tree path's. */
    private static long integral(JsonCursor c) {
        if (!isNumber(c.peek()) || !c.number()) {
            throw NotStreamable.INSTANCE;
        }
        return c.integralValue();
    }

    private static boolean isNumber(byte first) {
        return first == '-' || (first >= '0' && first <= '9');
    }

    /** As {@link Values#bool}. */
    static boolean bool(JsonCursor c) {
        return switch (c.peek()) {
            case 't', 'f' -> c.readBoolean();
            case 'n' -> {
                c.readNull();
                yield false;
            }
            case '"' -> Values.bool(c.string());
            default -> throw NotStreamable.INSTANCE;
        };
    }

    /** A severity score as {@link GuardDutyMapper#severity} accepts it. */
    static double severity(JsonCursor c) {
        byte first = c.peek();
        Double score;
        if (first == '"') {
            score = Values.number(c.string());
        } else if (isNumber(first)) {
            score = c.number() ? (double) c.integralValue() : c.doubleValue();
        } else {
            throw NotStreamable.INSTANCE;
        }
        if (score == null || score.isNaN() || score < 0 || score > 10) {
            throw NotStreamable.INSTANCE;
        }
        return score;
    }

    /** A finding type as {@link GuardDutyMapper#type} accepts it. */
    static FindingType type(JsonCursor c) {
        if (c.peek() != '"') {
            throw NotStreamable.INSTANCE;
        }
        String text = c.string();
        if (text.isBlank()) {
            throw NotStreamable.INSTANCE;
        }
        return FindingType.of(text);
    }

    /** A time as {@link Timestamps#read}; null for JSON null and blank text. */
    static Instant time(JsonCursor c) {
        byte first = c.peek();
        try {
            if (first == 'n') {
                c.readNull();
                return null;
            }
            if (isNumber(first)) {
                if (c.number()) {
                    long whole = c.integralValue();
                    return Timestamps.fromEpoch(whole, whole, "time");
                }
                return Timestamps.fromEpoch(c.doubleValue(), Long.MIN_VALUE, "time");
            }
            if (first != '"') {
                throw NotStreamable.INSTANCE;
            }
            Instant iso = c.isoTime();
            if (iso != null) {
                return iso;
            }
            String text = c.string().trim();
            if (text.isEmpty()) {
                return null;
            }
            Instant instant = Timestamps.parse(text);
            if (instant == null) {
                throw NotStreamable.INSTANCE;
            }
            return instant;
        } catch (RecordException unreadable) {
            throw NotStreamable.INSTANCE;
        }
    }

    /** True (and inside it) at an object; any other value is skipped (the tree path takes a non-object for none). */
    static boolean object(JsonCursor c) {
        if (c.peek() == '{') {
            c.enter();
            return true;
        }
        c.skipValue();
        return false;
    }

    /** True (and inside it) at an object, false at null; other values are the tree path's (their presence counts). */
    static boolean objectOrNull(JsonCursor c) {
        byte first = c.peek();
        if (first == '{') {
            c.enter();
            return true;
        }
        if (first == 'n') {
            c.readNull();
            return false;
        }
        throw NotStreamable.INSTANCE;
    }

    /** Steps into the object at the cursor; any other value is the tree path's (elements it reads field by field). */
    static void strictObject(JsonCursor c) {
        if (c.peek() != '{') {
            throw NotStreamable.INSTANCE;
        }
        c.enter();
    }

    /** True (and inside it) at an array; any other value is skipped (the tree path ignores a list that is not one). */
    static boolean array(JsonCursor c) {
        if (c.peek() == '[') {
            c.enter();
            return true;
        }
        c.skipValue();
        return false;
    }

    /**
     * {@code list} with {@code element} (not null) added; start from {@code List.of()}. Most lists of a finding hold one
     * element: that one becomes {@code List.of(element)}, which the model's {@code List.copyOf} keeps as it is, where
     * an {@code ArrayList} (and its array) would be built only to be copied.
     */
    static <E> List<E> append(List<E> list, E element) {
        switch (list.size()) {
            case 0 -> {
                return List.of(element);
            }
            case 1 -> {
                List<E> grown = new ArrayList<>(4);
                grown.add(list.get(0));
                grown.add(element);
                return grown;
            }
            default -> {
                list.add(element);
                return list;
            }
        }
    }

    /**
     * Reads the object the cursor is in (just entered) for the text fields {@code keys}, in either spelling; other
     * fields are skipped. Returns the values in the order of {@code keys}.
     */
    static String[] texts(JsonCursor c, Key[] keys) {
        return texts(c, keys, new String[keys.length], 0);
    }

    /** {@link #texts} for an object some of whose fields were read already: {@code values}, marked in {@code seen}. */
    static String[] texts(JsonCursor c, Key[] keys, String[] values, long seen) {
        while (c.nextField()) {
            int index = indexOf(keys, c);
            if (index < 0) {
                c.skipValue();
                continue;
            }
            seen = once(seen, index);
            values[index] = text(c);
        }
        return values;
    }

    private static int indexOf(Key[] keys, JsonCursor c) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].named(c)) {
                return i;
            }
        }
        return -1;
    }
}
