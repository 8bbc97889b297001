package org.forcereturns.ingest;

import java.util.List;

/** The outcome of resolving a header: a usable mapping, or the required fields that are missing. */
public sealed interface HeaderResolution {

    record Resolved(HeaderMapping mapping) implements HeaderResolution {
        public Resolved {
            java.util.Objects.requireNonNull(mapping, "mapping");
        }
    }

    /**
     * @param missing human names of the missing required fields, e.g. {@code force}, {@code offence_code},
     *                {@code a period (recorded_date, month or financial_year)}
     */
    record Missing(List<String> missing) implements HeaderResolution {
        public Missing {
            missing = List.copyOf(missing);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("nothing missing");
            }
        }
    }
}
