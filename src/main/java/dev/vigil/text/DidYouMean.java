package dev.vigil.text;

import dev.vigil.text.DidYouMean;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the closest known name for a misspelt one, as picocli does: {@code did you mean "inList"?}.
 * One place for every error message in Vigil that names a key, function, state, step or list.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The known name closest to {@code wrong} (case-insensitive edit distance at most a third of the longer name, and
     * at least 2), or one that contains it (3 characters or more); ties go to the name that sorts first.
     */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String lower = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(2, Math.max(wrong.length(), best.length()) / 3);
        if (bestDistance <= allowed) {
            return Optional.of(best);
        }
        return lower.length() >= 3
                ? known.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(lower)).sorted().findFirst()
                : Optional.empty();
    }

    /** {@code ; did you mean "x"?}, or an empty string when nothing is close. */
    public static String suffix(String wrong, Collection<String> known) {
        return closest(wrong, known).map(name -> "; did you mean \"" + name + "\"?").orElse("");
    }

    /** {@code ; did you mean "x"?}, or, when nothing is close, {@code ; expected one of: a, b, c}. */
    public static String suggest(String wrong, Collection<String> known) {
        String suffix = suffix(wrong, known);
        return suffix.isEmpty() ? "; expected one of: " + String.join(", ", known) : suffix;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
