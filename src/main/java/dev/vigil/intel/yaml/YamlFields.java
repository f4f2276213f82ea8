package dev.vigil.intel.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Strict reading of {@link YamlNode}s: wrong shapes and unknown keys become {@link ConfigErrors} naming the place. */
public final class YamlFields {

    private YamlFields() {
    }

    /** The node as a mapping, or null (with an error) when it is something else. */
    public static YamlNode.Mapping mapping(YamlNode node, String what, ConfigErrors errors) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        if (node != null) {
            errors.add(node.place(), "wrong_type", what + " must be a map of keys, not " + node.shape());
        }
        return null;
    }

    /** Reports every key that is not one of {@code known}, with a did-you-mean. */
    public static void onlyKeys(YamlNode.Mapping mapping, Collection<String> known, String what, ConfigErrors errors) {
        for (YamlNode.Field field : mapping.fields().values()) {
            if (!known.contains(field.key())) {
                errors.add(field.keyPlace(), "unknown_key", "unknown key \"" + field.key() + "\" in " + what
                        + DidYouMean.suggest(field.key(), known));
            }
        }
    }

    /** The text of {@code key}, or null when absent or null. */
    public static String text(YamlNode.Mapping mapping, String key, ConfigErrors errors) {
        YamlNode node = mapping.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.text();
        }
        errors.add(node.place(), "wrong_type", "\"" + key + "\" must be a single value, not " + node.shape());
        return null;
    }

    /** The texts of {@code key}: a list of values, or one value; empty when absent. */
    public static List<String> texts(YamlNode.Mapping mapping, String key, ConfigErrors errors) {
        YamlNode node = mapping.get(key);
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            if (scalar.text() != null) {
                texts.add(scalar.text());
            }
            return texts;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Scalar scalar && scalar.text() != null) {
                    texts.add(scalar.text());
                } else {
                    errors.add(item.place(), "wrong_type", "each item of \"" + key + "\" must be a single value, not "
                            + item.shape());
                }
            }
            return texts;
        }
        errors.add(node.place(), "wrong_type", "\"" + key + "\" must be a list of values, not " + node.shape());
        return texts;
    }

    /** Port numbers (0 to 65535) of {@code key}; null when the key is absent. */
    public static List<Integer> ports(YamlNode.Mapping mapping, String key, ConfigErrors errors) {
        YamlNode node = mapping.get(key);
        if (node == null) {
            return null;
        }
        List<Integer> ports = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
        for (YamlNode item : items) {
            Integer port = port(item, errors);
            if (port != null) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** A port number, or null (with an error naming the place). */
    public static Integer port(YamlNode item, ConfigErrors errors) {
        String text = item instanceof YamlNode.Scalar scalar ? scalar.text() : null;
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(item.place(), "bad_port", "\"" + (text == null ? item.shape() : text)
                + "\" is not a port number: use a number from 0 to 65535");
        return null;
    }
}
