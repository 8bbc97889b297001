package org.forcereturns.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.aggregate.Summaries;
import org.forcereturns.aggregate.UnmappedPlatforms;
import org.forcereturns.warehouse.DeliveryRecord;

/**
 * Folds every loaded delivery's tallies into what the tables count: a tally that corrections keep goes into the
 * summaries, the unmapped platforms and the rows published; one a later delivery re-stated into the superseded
 * counts. Says, for each financial year, which deliveries' year files hold rows that still count, and whether
 * some of their rows were dropped, so that {@link CleanOffencesTable} can build the year's file.
 */
final class CorrectedTallies {

    private CorrectedTallies() {
    }

    /**
     * @param tallies every content's tallies, by SHA-256
     * @return by financial year (start year), the deliveries whose rows of that year count, in delivery order
     */
    static Map<Integer, List<CleanOffencesTable.YearPart>> fold(LedgerSnapshot snapshot,
                                                               Map<String, List<OffenceTally>> tallies,
                                                               Corrections corrections, Summaries summaries,
                                                               UnmappedPlatforms unmapped,
                                                               SupersededRows superseded) {
        List<DeliveryRecord> firsts = snapshot.firsts();
        // Folded in delivery order (the first file to name an unmapped text is the one reported).
        Map<Integer, List<CleanOffencesTable.YearPart>> years = new TreeMap<>();
        for (int i = 0; i < firsts.size(); i++) {
            if (!snapshot.loaded(i)) {
                continue;
            }
            DeliveryRecord delivery = firsts.get(i);
            // Rows kept and dropped, by financial year.
            Map<Integer, long[]> counts = new TreeMap<>();
            for (OffenceTally tally : tallies.getOrDefault(delivery.sha256(), List.of())) {
                long[] c = counts.computeIfAbsent(tally.period().year().startYear(), y -> new long[2]);
                if (corrections.keeps(i, tally.force().code(), tally.period())) {
                    summaries.add(tally);
                    unmapped.add(tally, delivery.sourceFile());
                    superseded.published(i, tally);
                    c[0] += tally.rows();
                } else {
                    summaries.addSuperseded(tally);
                    superseded.superseded(i, tally);
                    c[1] += tally.rows();
                }
            }
            int sequence = i;
            counts.forEach((year, c) -> {
                if (c[0] > 0) {
                    years.computeIfAbsent(year, y -> new ArrayList<>())
                            .add(new CleanOffencesTable.YearPart(sequence, delivery.sha256(), c[0], c[1] > 0));
                }
            });
        }
        return years;
    }
}
