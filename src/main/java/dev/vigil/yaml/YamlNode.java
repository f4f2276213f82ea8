package dev.vigil.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written, so that every error can name file:line:column. */
public sealed interface YamlNode {

    Place place();

    /** A short name of the node's shape for error messages: "a map", "a list", "a value", "nothing". */
    String shape();

    /** A mapping; keys keep their own places and their order. */
    record Mapping(Place place, Map<String, Field> fields) implements YamlNode {
        public Mapping {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
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

    /**
     * A scalar as written: {@code text} is null for YAML null ({@code ~}, empty), and then {@code isNull} is true.
     * {@code quoted} tells whether it was quoted and {@code block} whether it came from a block scalar ({@code |}, {@code >}),
     * so that positions inside the text can be mapped back to the file.
     */
    record Scalar(Place place, String text, boolean quoted, boolean block, boolean isNull) implements YamlNode {

        /** A plain scalar, as a program would write it (no quotes, no block). */
        public static Scalar plain(Place place, String text) {
            return new Scalar(place, text, false, false, text == null);
        }

        @Override
        public String shape() {
            return text == null ? "nothing" : "a value";
        }
    }
}
