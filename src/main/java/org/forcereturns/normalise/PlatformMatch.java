package org.forcereturns.normalise;

import java.util.List;
import org.forcereturns.domain.Platform;

/**
 * The platforms one raw value names, each once, in the order named. Empty means not recorded;
 * {@link Platform#UNRECOGNISED} stands for any part that named nothing we know.
 */
public record PlatformMatch(List<Platform> platforms) {

    public static final PlatformMatch NOT_RECORDED = new PlatformMatch(List.of());
    public static final PlatformMatch UNRECOGNISED = new PlatformMatch(List.of(Platform.UNRECOGNISED));

    public PlatformMatch {
        platforms = List.copyOf(platforms);
        if (platforms.stream().distinct().count() != platforms.size()) {
            throw new IllegalArgumentException("platforms repeat: " + platforms);
        }
    }

    public static PlatformMatch of(Platform... platforms) {
        return new PlatformMatch(List.of(platforms));
    }

    /** False when the value said nothing (blank, N/A, Unknown...): the list is then empty. */
    public boolean recorded() {
        return !platforms.isEmpty();
    }

    public boolean hasUnrecognised() {
        return platforms.contains(Platform.UNRECOGNISED);
    }
}
