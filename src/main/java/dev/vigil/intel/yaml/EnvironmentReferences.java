package dev.vigil.intel.yaml;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} references to environment variables, so that secrets (tokens) stay out of configuration files.
 * Error messages name the variable, never its value.
 */
public final class EnvironmentReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvironmentReferences() {
    }

    public static boolean hasReference(String text) {
        return text != null && REFERENCE.matcher(text).find();
    }

    /** The text with every reference replaced; a missing variable is an error and leaves the text unexpanded. */
    public static String expand(String text, Map<String, String> environment, Place place, ConfigErrors errors) {
        if (text == null || text.indexOf("${") < 0) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                errors.add(place, "missing_environment_variable", "environment variable " + matcher.group(1)
                        + " is not set: export it before running vigil, or remove the reference");
                return text;
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
