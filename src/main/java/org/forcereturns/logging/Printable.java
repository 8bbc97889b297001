package org.forcereturns.logging;

/**
 * Makes text from outside (file names, values, exception messages) safe to show in a log line, a terminal or a
 * command's output: control characters, line and paragraph separators and bidirectional overrides are written as
 * escapes, so a delivered name can neither start a forged log line nor recolour or reorder an operator's screen.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every unsafe character escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}). */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** C0 and C1 controls and DEL, line and paragraph separators, and the bidirectional embedding controls. */
    static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
