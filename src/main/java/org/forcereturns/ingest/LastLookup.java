package org.forcereturns.ingest;

import java.util.function.Function;

/**
 * A look-up that remembers its last text and answer: a file repeats the same force, code and platform text row
 * after row, so most rows cost one string comparison instead of a hash look-up. Not thread-safe.
 */
final class LastLookup<T> {

    private final Function<String, T> lookup;
    private String lastText;
    private T lastAnswer;

    LastLookup(Function<String, T> lookup) {
        this.lookup = lookup;
    }

    T get(String text) {
        if (!text.equals(lastText)) {
            lastAnswer = lookup.apply(text);
            lastText = text;
        }
        return lastAnswer;
    }
}
