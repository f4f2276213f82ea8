package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient readers for JSON values that arrive with varying types (numbers as strings, booleans as strings). */
final class Values {

    private Values() {
    }

    /** Text of a string or number; null for absent, null, blank, objects and arrays. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode() || node.isMissingNode()) {
            return null;
        }
        String text = node.isTextual() ? node.textValue() : node.asText();
        return text == null || text.isBlank() ? null : text;
    }

    /** An integer from a number or a numeric string; null when absent or not a whole number. */
    static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE ? (int) value : null;
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty() || text.length() > 10) {
                return null;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A long from a number or numeric string, else the fallback. */
    static long longOr(JsonNode node, long fallback) {
        if (node == null) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A double from a number or a numeric string; null otherwise. */
    static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** True for JSON true and the string "true" (any case). */
    static boolean bool(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() && node.textValue().trim().equalsIgnoreCase("true");
    }

    /** A short description of a value's JSON type for error messages: "a number", "an object", ... */
    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.asText() + ")";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
