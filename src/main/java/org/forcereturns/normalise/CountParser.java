package org.forcereturns.normalise;

/**
 * Count cells (contract section 4): a whole number {@code >= 0} with optional comma thousands
 * separators, or a suppression marker ({@code *}, {@code <n}, {@code [c]}, {@code [x]}, {@code c},
 * {@code x}, any case). A zero fraction ({@code 3.0}, {@code 1,234.00}) is still a whole number:
 * spreadsheets and pandas write integer columns that way. Anything else is invalid.
 * Hand-written rather than a regex: it runs on every cell of every count file.
 */
public final class CountParser {

    private CountParser() {
    }

    public static CountValue parse(String raw) {
        if (raw == null) {
            return CountValue.INVALID;
        }
        int begin = 0;
        int end = raw.length();
        while (begin < end && isSpace(raw.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        if (begin == end) {
            return CountValue.INVALID;
        }
        if (isSuppressed(raw, begin, end)) {
            return CountValue.SUPPRESSED;
        }
        return wholeNumber(raw, begin, end);
    }

    private static boolean isSuppressed(String s, int begin, int end) {
        int length = end - begin;
        char first = s.charAt(begin);
        if (length == 1) {
            return first == '*' || isMarkerLetter(first);
        }
        if (length == 3 && first == '[' && s.charAt(end - 1) == ']') {
            return isMarkerLetter(s.charAt(begin + 1));
        }
        if (first == '<') {
            int i = begin + 1;
            while (i < end && s.charAt(i) == ' ') {
                i++;
            }
            if (i == end) {
                return false;
            }
            for (; i < end; i++) {
                if (!isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static CountValue wholeNumber(String s, int begin, int end) {
        long value = 0;
        int groupDigits = 0;
        boolean grouped = false;
        int i = begin;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    return CountValue.INVALID;
                }
                value = value * 10 + (c - '0');
                groupDigits++;
            } else if (c == ',') {
                // 1,234 and 12,345,678: the first group 1-3 digits, the rest exactly 3.
                if (groupDigits == 0 || groupDigits > 3 || (grouped && groupDigits != 3)) {
                    return CountValue.INVALID;
                }
                grouped = true;
                groupDigits = 0;
            } else {
                break;
            }
        }
        if (groupDigits == 0 || (grouped && groupDigits != 3)) {
            return CountValue.INVALID;
        }
        if (i < end) {
            if (s.charAt(i) != '.' || i + 1 == end) {
                return CountValue.INVALID;
            }
            for (i++; i < end; i++) {
                if (s.charAt(i) != '0') {
                    return CountValue.INVALID;
                }
            }
        }
        return new CountValue.Count(value);
    }

    private static boolean isMarkerLetter(char c) {
        return c == 'c' || c == 'C' || c == 'x' || c == 'X';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // Excel pads with no-break spaces.
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
