package org.forcereturns.normalise;

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1, no substring edited twice.
 */
final class OptimalStringAlignment {

    private OptimalStringAlignment() {
    }

    /**
     * The distance between {@code a} and {@code b}, or {@code max + 1} as soon as it must exceed
     * {@code max} (callers only care whether it is small, and this keeps the common miss cheap).
     */
    static int distance(CharSequence a, CharSequence b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] twoBack = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    best = Math.min(best, twoBack[j - 2] + 1);
                }
                current[j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[m], max + 1);
    }
}
