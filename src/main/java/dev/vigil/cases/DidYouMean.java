package dev.vigil.cases;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "; did you mean "x"?" for a name that is close to one that exists (edit distance at most a third of its length). */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static String suggest(String wanted, Collection<String> known) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(lower, best.toLowerCase(Locale.ROOT)) <= Math.max(2, best.length() / 3)
                        || best.toLowerCase(Locale.ROOT).contains(lower) && lower.length() >= 3)
                .map(best -> "; did you mean \"" + best + "\"?")
                .orElse("");
    }

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
