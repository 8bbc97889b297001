package org.forcereturns.ingest;

/** Detects the field delimiter of a force return from its header line. */
public final class DelimiterDetector {

    /** Candidates in tie-break order. */
    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DelimiterDetector() {
    }

    /**
     * The candidate (comma, semicolon, tab, pipe) occurring most often outside double quotes in
     * {@code headerLine}; ties go to the earlier candidate in that order; none at all gives comma.
     */
    public static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0, n = headerLine.length(); i < n; i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> counts[0]++;
                    case ';' -> counts[1]++;
                    case '\t' -> counts[2]++;
                    case '|' -> counts[3]++;
                    default -> {
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
