package org.forcereturns.aggregate;

import java.util.List;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/**
 * Accepted rows of one file that agree on everything the summaries and corrections look at, counted together:
 * publishing folds a file's few hundred tallies instead of its rows.
 *
 * @param unmappedRaw the platform text as delivered when it named no known platform, else null
 * @param rows        rows counted
 * @param offences    offences they add to totals (suppressed cells add nothing)
 * @param suppressedCells rows whose count was suppressed
 */
public record OffenceTally(Force force, FinancialPeriod period, OffenceCode offenceCode, List<Platform> platforms,
                           String unmappedRaw, long rows, long offences, long suppressedCells) {

    public OffenceTally {
        platforms = List.copyOf(platforms);
    }

    /** The tally of one row. */
    public static OffenceTally of(CleanOffence row) {
        return new OffenceTally(row.force(), row.period(), row.offenceCode(), row.platforms(), unmappedRaw(row), 1,
                row.countedOffences(), row.suppressed() ? 1 : 0);
    }

    static String unmappedRaw(CleanOffence row) {
        return row.platformRaw() != null && row.platforms().contains(Platform.UNRECOGNISED) ? row.platformRaw() : null;
    }

    public boolean platformRecorded() {
        return !platforms.isEmpty();
    }
}
