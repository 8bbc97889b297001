package org.forcereturns.normalise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case, accent and punctuation folding shared by the name matchers. */
final class TextFold {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private TextFold() {
    }

    /**
     * Lower-case runs of letters and digits. Apostrophes are dropped inside a word
     * ({@code What's} is {@code whats}); every other non-alphanumeric character separates words.
     * Characters listed in {@code separators} are kept as one-character tokens of their own.
     */
    static List<String> tokens(String raw, String separators) {
        List<String> tokens = new ArrayList<>(4);
        if (raw == null) {
            return tokens;
        }
        String text = stripAccents(raw);
        StringBuilder word = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == '\'' || c == '\u2019' || c == '`') {
                continue;
            } else {
                flush(word, tokens);
                if (separators.indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                }
            }
        }
        flush(word, tokens);
        return tokens;
    }

    /** Words only: {@link #tokens} with no separators kept. */
    static List<String> words(String raw) {
        return tokens(raw, "");
    }

    static boolean hasLetterOrDigit(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isLetterOrDigit(raw.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    // Windows-1252 files bring accented letters (Snäpchat, Telégram); fold them to ASCII.
    private static String stripAccents(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 0x7F) {
                return COMBINING_MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return raw;
    }
}
