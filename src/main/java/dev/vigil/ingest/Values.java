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
        return node.isTextual() ? integer(node.textValue()) : null;
    }

    /** An integer from numeric text (surrounding blanks allowed); null when it is not one. */
    static Integer integer(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 10) {
            return null;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A long from a number or numeric string, else the fallback. */
    static long longOr(JsonNode node, long fallback) {
        if (node == null) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.longValue();
        }
        return node.isTextual() ? longOr(node.textValue(), fallback) : fallback;
    }

    /** A long from numeric text (surrounding blanks allowed), else the fallback. */
    static long longOr(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /** A double from a number or a numeric string; null otherwise. */
    static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isTextual() ? number(node.textValue()) : null;
    }

    /** A double from numeric text (surrounding blanks allowed); null when it is not one. */
    static Double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** True for JSON true and the string "true" (any case). */
    static boolean bool(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() && bool(node.textValue());
    }

    /** True for the text "true", any case, surrounding blanks allowed. */
    static boolean bool(String text) {
        return text.trim().equalsIgnoreCase("true");
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
