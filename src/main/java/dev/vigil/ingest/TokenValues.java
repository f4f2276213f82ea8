package dev.vigil.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import dev.vigil.finding.FindingType;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the parser's current value the way {@link Values}, {@link Timestamps} and {@link GuardDutyMapper} read the same
 * value as a tree node. Where the tree path would read it differently or reject it (a number where text is expected, a
 * duplicate field, an unreadable time) it throws {@link NotStreamable}, and the record goes through the tree path.
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

    /** Text as {@link Values#text}: null for JSON null and blank text. */
    static String text(JsonParser p) throws IOException {
        return switch (p.currentTokenId()) {
            case JsonTokenId.ID_STRING -> {
                String text = p.getText();
                yield text.isBlank() ? null : text;
            }
            case JsonTokenId.ID_NULL -> null;
            default -> throw NotStreamable.INSTANCE;
        };
    }

    /** As {@link Values#integer}. */
    static Integer integer(JsonParser p) throws IOException {
        return switch (p.currentTokenId()) {
            case JsonTokenId.ID_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    throw NotStreamable.INSTANCE;
                }
                yield p.getIntValue();
            }
            case JsonTokenId.ID_STRING -> Values.integer(p.getText());
            case JsonTokenId.ID_NULL -> null;
            default -> throw NotStreamable.INSTANCE;
        };
    }

    /** As {@link Values#longOr}. */
    static long longOr(JsonParser p, long fallback) throws IOException {
        return switch (p.currentTokenId()) {
            case JsonTokenId.ID_NUMBER_INT -> {
                JsonParser.NumberType type = p.getNumberType();
                if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                    throw NotStreamable.INSTANCE;
                }
                yield p.getLongValue();
            }
            case JsonTokenId.ID_STRING -> Values.longOr(p.getText(), fallback);
            case JsonTokenId.ID_NULL -> fallback;
            default -> throw NotStreamable.INSTANCE;
        };
    }

    /** As {@link Values#bool}. */
    static boolean bool(JsonParser p) throws IOException {
        return switch (p.currentTokenId()) {
            case JsonTokenId.ID_TRUE -> true;
            case JsonTokenId.ID_FALSE, JsonTokenId.ID_NULL -> false;
            case JsonTokenId.ID_STRING -> Values.bool(p.getText());
            default -> throw NotStreamable.INSTANCE;
        };
    }

    /** A severity score as {@link GuardDutyMapper#severity} accepts it. */
    static double severity(JsonParser p) throws IOException {
        Double score = switch (p.currentTokenId()) {
            case JsonTokenId.ID_NUMBER_INT -> {
                JsonParser.NumberType type = p.getNumberType();
                if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                    throw NotStreamable.INSTANCE;
                }
                yield p.getDoubleValue();
            }
            case JsonTokenId.ID_NUMBER_FLOAT -> p.getDoubleValue();
            case JsonTokenId.ID_STRING -> Values.number(p.getText());
            default -> null;
        };
        if (score == null || score.isNaN() || score < 0 || score > 10) {
            throw NotStreamable.INSTANCE;
        }
        return score;
    }

    /** A finding type as {@link GuardDutyMapper#type} accepts it. */
    static FindingType type(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw NotStreamable.INSTANCE;
        }
        String text = p.getText();
        if (text.isBlank()) {
            throw NotStreamable.INSTANCE;
        }
        return FindingType.of(text);
    }

    /** A time as {@link Timestamps#read}; null for JSON null and blank text. */
    static Instant time(JsonParser p) throws IOException {
        try {
            return switch (p.currentTokenId()) {
                case JsonTokenId.ID_NULL -> null;
                case JsonTokenId.ID_NUMBER_INT -> {
                    JsonParser.NumberType type = p.getNumberType();
                    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                        throw NotStreamable.INSTANCE;
                    }
                    yield Timestamps.fromEpoch(p.getDoubleValue(), p.getLongValue(), "time");
                }
                case JsonTokenId.ID_NUMBER_FLOAT -> Timestamps.fromEpoch(p.getDoubleValue(), Long.MIN_VALUE, "time");
                case JsonTokenId.ID_STRING -> {
                    String text = p.getText().trim();
                    if (text.isEmpty()) {
                        yield null;
                    }
                    Instant instant = Timestamps.parse(text);
                    if (instant == null) {
                        throw NotStreamable.INSTANCE;
                    }
                    yield instant;
                }
                default -> throw NotStreamable.INSTANCE;
            };
        } catch (RecordException unreadable) {
            throw NotStreamable.INSTANCE;
        }
    }

    /** True at an object; any other value is skipped (for fields where the tree path treats a non-object as absent). */
    static boolean object(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** True at an object, false at JSON null; other values are the tree path's case (where their presence counts). */
    static boolean objectOrNull(JsonParser p) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw NotStreamable.INSTANCE;
    }

    /** True at an array; any other value is skipped (the tree path ignores a list field that is not a list). */
    static boolean array(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /**
     * Reads the object at the parser (its START_OBJECT is the current token) for the text fields {@code keys}, in either
     * spelling; other fields are skipped. Returns the values in the order of {@code keys}.
     */
    static String[] texts(JsonParser p, Key[] keys) throws IOException {
        String[] values = new String[keys.length];
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            int index = indexOf(keys, name);
            if (index < 0) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, index);
            values[index] = text(p);
        }
        return values;
    }

    private static int indexOf(Key[] keys, String name) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].is(name)) {
                return i;
            }
        }
        return -1;
    }
}
