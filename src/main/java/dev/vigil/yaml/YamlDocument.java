package dev.vigil.yaml;

import java.util.List;

/**
 * One read YAML document: its root (null when the document is empty or not YAML) and the problems found, in the order met
 * (duplicate keys, then at most one syntax error, after which reading stops).
 */
public record YamlDocument(YamlNode root, List<YamlProblem> problems) {

    public YamlDocument {
        problems = List.copyOf(problems);
    }

    /** True when the document holds nothing at all (no syntax error either). */
    public boolean isEmpty() {
        return root == null && problems.stream().noneMatch(YamlProblem.Syntax.class::isInstance);
    }
}
