package org.forcereturns.ingest;

import java.util.Locale;

/** The fields of a force return that the pipeline reads (contract section 2). */
public enum Field {
    FORCE, CRIME_REFERENCE, RECORDED_DATE, FINANCIAL_YEAR, FINANCIAL_QUARTER, MONTH,
    OFFENCE_CODE, OFFENCE_DESCRIPTION, PLATFORM, COUNT;

    /** The contract's name for the field, e.g. {@code offence_code}. */
    public String contractName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
