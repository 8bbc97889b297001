package org.forcereturns.normalise;

import java.util.Objects;
import org.forcereturns.domain.Force;

/** What a raw force value turned out to be (contract sections 3 and 4). */
public sealed interface ForceLookup {

    /** One of the 43 territorial forces. */
    record Found(Force force) implements ForceLookup {
        public Found {
            Objects.requireNonNull(force, "force");
        }
    }

    /** A totals row ({@code Total}, {@code England and Wales}, ...): skip it, never add it. */
    record TotalsRow() implements ForceLookup {
    }

    /** A real force outside the 43 (British Transport Police): skip it, it is not an error. */
    record OutOfScope(String name) implements ForceLookup {
        public OutOfScope {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Blank: the caller rejects the row as a missing value. */
    record Missing() implements ForceLookup {
    }

    /** Not blank, but no force we know: the caller rejects the row as an unknown force. */
    record Unknown() implements ForceLookup {
    }

    ForceLookup TOTALS_ROW = new TotalsRow();
    ForceLookup MISSING = new Missing();
    ForceLookup UNKNOWN = new Unknown();
}
