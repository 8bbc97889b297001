package org.forcereturns.normalise;

/** English month names, case-insensitive: three-letter, full, and {@code Sept}. */
final class MonthNames {

    private static final String[] NAMES;
    private static final int[] NUMBERS;

    static {
        String[] full = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
        NAMES = new String[full.length * 2 + 1];
        NUMBERS = new int[NAMES.length];
        for (int i = 0; i < full.length; i++) {
            NAMES[2 * i] = full[i].substring(0, 3);
            NUMBERS[2 * i] = i + 1;
            NAMES[2 * i + 1] = full[i];
            NUMBERS[2 * i + 1] = i + 1;
        }
        NAMES[NAMES.length - 1] = "Sept";
        NUMBERS[NAMES.length - 1] = 9;
    }

    private MonthNames() {
    }

    /** 1..12 for the month named by {@code text[start, end)}, or 0; no substring is made. */
    static int number(String text, int start, int end) {
        int length = end - start;
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].length() == length && text.regionMatches(true, start, NAMES[i], 0, length)) {
                return NUMBERS[i];
            }
        }
        return 0;
    }
}
