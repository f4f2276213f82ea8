package dev.vigil.playbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{placeholder}}}s, e.g. {@code "Page the owners ({{contact}})"}. Placeholders name a fact
 * ({@code contact}, {@code accountName}, ...), a variable ({@code remote.ip}) or a rule's evidence; they are checked at
 * load and filled per finding. A missing value reads {@code (unknown name)}. The text is split into parts once, so
 * filling it in costs no pattern matching.
 */
public record Template(String text, List<String> placeholders, List<String> literals) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

    public Template {
        placeholders = List.copyOf(placeholders);
        literals = List.copyOf(literals);
    }

    public static Template of(String text) {
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            literals.add(text.substring(end, matcher.start()));
            names.add(matcher.group(1));
            end = matcher.end();
        }
        literals.add(text.substring(end));
        return new Template(text, names, literals);
    }

    /** The placeholders that are not among {@code known}. */
    public List<String> unknownPlaceholders(Collection<String> known) {
        return placeholders.stream().filter(name -> !known.contains(name)).distinct().toList();
    }

    public String render(Function<String, Object> values) {
        if (placeholders.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < placeholders.size(); i++) {
            out.append(literals.get(i));
            String name = placeholders.get(i);
            Object value = values.apply(name);
            if (value == null || "".equals(value)) {
                out.append("(unknown ").append(name).append(')');
            } else if (value instanceof Collection<?> items) {
                boolean first = true;
                for (Object item : items) {
                    out.append(first ? "" : ", ").append(item);
                    first = false;
                }
            } else {
                out.append(value);
            }
        }
        out.append(literals.get(placeholders.size()));
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
