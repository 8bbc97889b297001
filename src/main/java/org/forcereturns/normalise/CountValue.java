package org.forcereturns.normalise;

/** A count cell of the count layout (contract section 4). */
public sealed interface CountValue {

    /** A whole number of offences, {@code >= 0}. */
    record Count(long value) implements CountValue {
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("count must be >= 0: " + value);
            }
        }
    }

    /** Withheld by the force ({@code *}, {@code <5}, {@code [c]}...): counted as suppressed, adds nothing. */
    record Suppressed() implements CountValue {
    }

    /** Negative, fractional, text or empty: the caller rejects the row {@code BAD_COUNT}. */
    record Invalid() implements CountValue {
    }

    CountValue SUPPRESSED = new Suppressed();
    CountValue INVALID = new Invalid();
}
