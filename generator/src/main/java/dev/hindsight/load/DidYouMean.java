package dev.hindsight.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known word an author probably meant, by edit distance. */
final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The closest candidate within a small edit distance (1 for short words, 2 otherwise), or empty.
     * Ties go to the first candidate, so suggestions are stable. Case counts as a difference worth a
     * suggestion ({@code Title} → {@code title}) but not as a distance.
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        int allowed = wanted.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed && !best.equals(typed) ? Optional.of(best) : Optional.empty();
    }

    /** A hint sentence: " (did you mean 'x'?)" or "" when nothing is close. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus swapped neighbours, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
