package org.forcereturns.report;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML and SVG output. Every text from the data goes through here. */
final class Html {

    private static final Locale UK = Locale.UK;

    private Html() {
    }

    /**
     * Escapes text for HTML/SVG element content and quoted attribute values. Control characters (which raw
     * force returns may hold) become U+FFFD, so the output is also well-formed XML for the SVG.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                            || (c >= 0x80 && c < 0xa0) || c == 0xfffe || c == 0xffff) {
                        sb.append('\ufffd');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** At most {@code max} characters (an ellipsis marks a cut), before escaping. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Math.max(1, max - 1);
        if (end > 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** 38685 -> "38,685". */
    static String count(long n) {
        return String.format(UK, "%,d", n);
    }

    /** One decimal place with separators: 105.696 -> "105.7". */
    static String decimal(double d) {
        return String.format(UK, "%,.1f", d);
    }

    /** A share 0..1 as a percentage with one decimal place: 0.4971 -> "49.7%"; null -> "n/a". */
    static String percent(Double share) {
        return share == null || share.isNaN() ? "n/a" : String.format(UK, "%.1f%%", 100 * share);
    }

    /** A number for SVG geometry: plain, dot decimal, at most two decimals. */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
