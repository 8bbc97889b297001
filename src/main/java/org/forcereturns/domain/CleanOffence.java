package org.forcereturns.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One accepted offence (record layout) or count cell (count layout), validated and normalised.
 *
 * @param crimeReference null in the count layout or when not given
 * @param recordedDate   null unless the return gave a date
 * @param platforms      canonical platforms named, in order; empty when not recorded
 * @param platformRaw    the platform text as delivered, trimmed; null when blank
 * @param offences       the count; null when suppressed
 * @param sourceLine     1-based physical line in the source file where the row starts
 */
public record CleanOffence(
        Force force,
        String crimeReference,
        LocalDate recordedDate,
        FinancialPeriod period,
        OffenceCode offenceCode,
        List<Platform> platforms,
        String platformRaw,
        Long offences,
        boolean suppressed,
        long sourceLine) {

    public CleanOffence {
        platforms = List.copyOf(platforms);
        if (suppressed != (offences == null)) {
            throw new IllegalArgumentException("a row is suppressed exactly when it has no count");
        }
    }

    public boolean platformRecorded() {
        return !platforms.isEmpty();
    }

    /** Offences this row adds to totals: suppressed cells add nothing. */
    public long countedOffences() {
        return offences == null ? 0 : offences;
    }
}
