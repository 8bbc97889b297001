package org.forcereturns.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The result of reading one force return. For every file rowsRead = rowsAccepted + rowsRejected + rowsSkipped;
 * a quarantined file keeps the counts of its validation, but none of its rows are published.
 *
 * @param layout          null when the header could not be recognised
 * @param rejectsByReason rejected rows by reason, as the run that read the file counted them (for its metrics);
 *                        empty in an outcome read back from the ledger, which keeps only the totals (Spring Batch's)
 * @param skipsByReason   skipped rows by reason, likewise
 * @param quarantine      null when the file is loaded
 * @param coveredMonths   force code to the months its accepted rows cover (empty when quarantined)
 * @param preambleLines   non-blank lines above the header, skipped (0 when no header was found)
 * @param ignoredColumns  the header's names that no field is read from, as written, in order; null when no header
 *                        was recognised, or the outcome was recorded before ignored columns were
 */
public record FileOutcome(Layout layout, long rowsRead, long rowsAccepted, long rowsRejected, long rowsSkipped,
                          Map<RejectReason, Long> rejectsByReason, Map<SkipReason, Long> skipsByReason,
                          RejectReason quarantine, SortedMap<String, SortedSet<YearMonth>> coveredMonths,
                          long preambleLines, List<String> ignoredColumns) {

    public FileOutcome {
        if (rowsRead != rowsAccepted + rowsRejected + rowsSkipped) {
            throw new IllegalStateException("rows read must equal accepted + rejected + skipped");
        }
        rejectsByReason = Map.copyOf(rejectsByReason);
        skipsByReason = Map.copyOf(skipsByReason);
        ignoredColumns = ignoredColumns == null ? null : List.copyOf(ignoredColumns);
    }

    /** An outcome whose header is not known. */
    public FileOutcome(Layout layout, long rowsRead, long rowsAccepted, long rowsRejected, long rowsSkipped,
                       Map<RejectReason, Long> rejectsByReason, Map<SkipReason, Long> skipsByReason,
                       RejectReason quarantine, SortedMap<String, SortedSet<YearMonth>> coveredMonths) {
        this(layout, rowsRead, rowsAccepted, rowsRejected, rowsSkipped, rejectsByReason, skipsByReason, quarantine,
                coveredMonths, 0, null);
    }

    public static FileOutcome quarantinedWhole(Layout layout, RejectReason reason) {
        return new FileOutcome(layout, 0, 0, 0, 0, Map.of(), Map.of(), reason, new java.util.TreeMap<>());
    }

    public FileStatus status() {
        return quarantine == null ? FileStatus.LOADED : FileStatus.QUARANTINED;
    }

    public Set<String> forces() {
        return coveredMonths.keySet();
    }
}
