package org.forcereturns.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How free-text platform values are cut into words and folded into comparison keys. */
final class PlatformText {

    /** Stands for any of {@code / , ; & +} and the word {@code and}. */
    static final String SEPARATOR = "/";

    private static final String SEPARATOR_CHARS = "/,;&+";

    /** Keys that mean "not recorded" (contract section 4, plus N/K, Not applicable, Nil, Null). */
    static final Set<String> NOT_RECORDED = Set.of(
            "", "na", "none", "unknown", "notknown", "notrecorded", "notstated",
            "nk", "notapplicable", "nil", "null");

    // Words that say how or where, never which platform. Not "message(s)" or "chat": they are
    // part of names (Text message, Facebook Messenger, Snap Chat).
    private static final Set<String> NOISE_WORDS = Set.of(
            "app", "apps", "application", "via", "on", "dm", "dms", "pm", "pms",
            "online", "website", "site", "account", "platform");
    private static final Set<String> NOISE_PHRASE_STARTS = Set.of("direct", "private");
    private static final Set<String> NOISE_PHRASE_ENDS = Set.of("message", "messages", "messaging");

    private PlatformText() {
    }

    /** Folded words and {@link #SEPARATOR}s, with {@code N/A} and {@code N/K} kept whole. */
    static List<String> tokens(String raw) {
        List<String> folded = TextFold.tokens(raw, SEPARATOR_CHARS);
        List<String> tokens = new ArrayList<>(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            String token = folded.get(i);
            if (token.equals("n") && i + 2 < folded.size() && folded.get(i + 1).equals("/")
                    && (folded.get(i + 2).equals("a") || folded.get(i + 2).equals("k"))) {
                tokens.add("n" + folded.get(i + 2));
                i += 2;
            } else if (token.equals("and") || (token.length() == 1 && SEPARATOR_CHARS.contains(token))) {
                tokens.add(SEPARATOR);
            } else {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The words of a token list: separators dropped, so {@code &} and {@code and} are ignored. */
    static List<String> words(List<String> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!token.equals(SEPARATOR)) {
                words.add(token);
            }
        }
        return words;
    }

    /** The words between separators, empty runs dropped. */
    static List<List<String>> parts(List<String> tokens) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String token : tokens) {
            if (token.equals(SEPARATOR)) {
                if (!part.isEmpty()) {
                    parts.add(part);
                    part = new ArrayList<>();
                }
            } else {
                part.add(token);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    static List<String> withoutNoise(List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (NOISE_PHRASE_STARTS.contains(word) && i + 1 < words.size()
                    && NOISE_PHRASE_ENDS.contains(words.get(i + 1))) {
                i++;
            } else if (!NOISE_WORDS.contains(word)) {
                kept.add(word);
            }
        }
        return kept;
    }

    /** Words joined without spaces, so {@code Snap Chat} and {@code Snapchat} compare equal. */
    static String key(List<String> words) {
        return String.join("", words);
    }

    /** The key of a whole name or alias as written. */
    static String key(String name) {
        return key(words(tokens(name)));
    }

    static boolean isNotRecorded(List<String> words) {
        if (NOT_RECORDED.contains(key(words))) {
            return true;
        }
        List<String> meaningful = withoutNoise(words);
        return !meaningful.isEmpty() && NOT_RECORDED.contains(key(meaningful));
    }
}
