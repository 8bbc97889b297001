package org.forcereturns.ingest;

import java.time.LocalDate;
import org.forcereturns.normalise.OffenceScope;

/**
 * The job settings that decide what a row becomes.
 *
 * @param rejectThreshold a file whose share of rejected data rows is above this is quarantined whole
 */
public record IngestRules(OffenceScope scope, LocalDate runDate, double rejectThreshold) {

    /** Nothing recorded before the National Crime Recording Standard's first full year counts. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2002, 4, 1);

    public IngestRules {
        if (rejectThreshold < 0 || rejectThreshold > 1) {
            throw new IllegalArgumentException("reject threshold must be between 0 and 1: " + rejectThreshold);
        }
    }
}
