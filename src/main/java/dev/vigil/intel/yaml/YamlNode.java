package dev.vigil.intel.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written, so that every error can name file:line:column. */
public sealed interface YamlNode {

    Place place();

    /** A short name of the node's shape for error messages: "a map", "a list", "a text", "nothing". */
    String shape();

    record Mapping(Place place, Map<String, Field> fields) implements YamlNode {
        public Mapping {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public YamlNode get(String key) {
            Field field = fields.get(key);
            return field == null ? null : field.value();
        }

        @Override
        public String shape() {
            return "a map";
        }
    }

    /** One key of a mapping, with the place of the key. */
    record Field(String key, Place keyPlace, YamlNode value) {
    }

    record Sequence(Place place, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String shape() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for YAML null ({@code ~}, empty). {@code quoted} is false for numbers and booleans. */
    record Scalar(Place place, String text, boolean isText) implements YamlNode {
        @Override
        public String shape() {
            return text == null ? "nothing" : "a value";
        }
    }
}
