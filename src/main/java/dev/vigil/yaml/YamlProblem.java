package dev.vigil.yaml;

/** What is wrong with a YAML document as YAML; each reader of YAML words it in its own error codes. */
public sealed interface YamlProblem {

    Place place();

    /** A key set twice in one mapping: {@code first} is where it was set before. */
    record DuplicateKey(Place place, String key, Place first) implements YamlProblem {
    }

    /** Not YAML at all; {@code message} is the parser's, and {@code place} has line 0 when the parser gave none. */
    record Syntax(Place place, String message) implements YamlProblem {

        /** The first line of the parser's message. */
        public String firstLine() {
            return message.lines().findFirst().orElse("");
        }
    }
}
