package org.forcereturns.sample;

import java.util.List;

/**
 * What an offence's platform value means: the canonical platforms it names (one or several), or free text that names
 * no known platform ({@link #UNRECOGNISED}). An offence with no platform recorded has no mention at all (null).
 */
record Mention(List<String> platforms, String freeText) {

    static final String UNRECOGNISED = "Unrecognised";

    Mention {
        platforms = List.copyOf(platforms);
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("a mention names at least one platform");
        }
        if ((freeText != null) != platforms.equals(List.of(UNRECOGNISED))) {
            throw new IllegalArgumentException("free text goes with the Unrecognised platform only");
        }
    }

    static Mention of(String... platforms) {
        return new Mention(List.of(platforms), null);
    }

    static Mention unrecognised(String freeText) {
        return new Mention(List.of(UNRECOGNISED), freeText);
    }

    boolean isUnrecognised() {
        return freeText != null;
    }
}
