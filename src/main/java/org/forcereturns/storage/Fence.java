package org.forcereturns.storage;

import java.io.IOException;

/**
 * Checked before each change to the published tables: a run that no longer holds the warehouse (another run took
 * it over while this one was paused) must stop there, not publish over the other run's tables.
 */
@FunctionalInterface
public interface Fence {

    /** For code run without a warehouse lock (tests, tools). */
    Fence NONE = before -> { };

    /** @param before what is about to be done, for the message */
    void check(String before) throws Fenced;

    /** This process no longer holds the warehouse; nothing more may be published. */
    final class Fenced extends IOException {
        public Fenced(String message) {
            super(message);
        }
    }
}
