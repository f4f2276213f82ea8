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
 * load and filled per finding. A missing value reads {@code (unknown name)}.
 */
public record Template(String text, List<String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

    public Template {
        placeholders = List.copyOf(placeholders);
    }

    public static Template of(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new Template(text, names);
    }

    /** The placeholders that are not among {@code known}. */
    public List<String> unknownPlaceholders(Collection<String> known) {
        return placeholders.stream().filter(name -> !known.contains(name)).distinct().toList();
    }

    public String render(Function<String, Object> values) {
        if (placeholders.isEmpty()) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.apply(matcher.group(1));
            String shown = value == null || "".equals(value) ? "(unknown " + matcher.group(1) + ")"
                    : value instanceof Collection<?> items ? String.join(", ", items.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
