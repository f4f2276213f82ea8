package dev.vigil.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node that remembers where it was written, so every error can name its line and column. */
public sealed interface YamlNode {

    Location location();

    /** What the node is, for messages: "a map", "a list", "a text". */
    String kind();

    /** A mapping; keys keep their own locations and their order. */
    record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {
        public YamlMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** One key of a mapping and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record YamlList(Location location, List<YamlNode> items) implements YamlNode {
        public YamlList {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code multiLine} tells whether the text came from a block scalar, so positions inside an
     * expression can be mapped back to the file; {@code quoted} whether it was quoted; {@code isNull} for {@code ~}/empty.
     */
    record YamlScalar(Location location, String text, boolean quoted, boolean block, boolean isNull) implements YamlNode {
        @Override
        public String kind() {
            return "a text";
        }
    }
}
