package dev.vigil.playbook;

import java.util.regex.Pattern;

/**
 * A finding type a playbook covers: an exact type ({@code Behavior:EC2/NetworkPortUnusual}), a glob where {@code *}
 * matches any characters ({@code UnauthorizedAccess:*}{@code /Tor*}), or {@code default} (every type no other playbook covers).
 *
 * <p>Precedence, most specific first: an exact type; then the glob with the most characters that are not {@code *};
 * then {@code default}. Two playbooks covering a type equally specifically is a load error.
 */
public record TypePattern(String text, Pattern regex) {

    public static final String DEFAULT = "default";

    public static TypePattern of(String text) {
        String trimmed = text.trim();
        if (trimmed.equals(DEFAULT) || !trimmed.contains("*")) {
            return new TypePattern(trimmed, null);
        }
        return new TypePattern(trimmed, Pattern.compile(globToRegex(trimmed)));
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }

    public boolean isDefault() {
        return text.equals(DEFAULT);
    }

    public boolean isExact() {
        return regex == null && !isDefault();
    }

    public boolean matches(String type) {
        if (isDefault()) {
            return true;
        }
        return regex == null ? text.equals(type) : regex.matcher(type).matches();
    }

    /** Higher is more specific: exact types beat globs, longer globs beat shorter ones, default comes last. */
    public int specificity() {
        if (isDefault()) {
            return -1;
        }
        if (isExact()) {
            return Integer.MAX_VALUE;
        }
        return text.replace("*", "").length();
    }

    @Override
    public String toString() {
        return text;
    }
}
