package org.forcereturns.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/** Counts one file's accepted rows into {@link OffenceTally tallies}; memory grows with groups, not rows. */
public final class OffenceTallies {

    private final Map<Key, long[]> counts = new HashMap<>();
    private final List<Key> order = new ArrayList<>();

    public void add(CleanOffence row) {
        Key key = new Key(row.force(), row.period(), row.offenceCode(), row.platforms(), OffenceTally.unmappedRaw(row));
        long[] c = counts.get(key);
        if (c == null) {
            c = new long[3];
            counts.put(key, c);
            order.add(key);
        }
        c[0]++;
        c[1] += row.countedOffences();
        c[2] += row.suppressed() ? 1 : 0;
    }

    /** In order of first appearance. */
    public List<OffenceTally> tallies() {
        List<OffenceTally> out = new ArrayList<>(order.size());
        for (Key k : order) {
            long[] c = counts.get(k);
            out.add(new OffenceTally(k.force, k.period, k.code, k.platforms, k.unmappedRaw, c[0], c[1], c[2]));
        }
        return out;
    }

    private record Key(Force force, FinancialPeriod period, OffenceCode code, List<Platform> platforms,
                       String unmappedRaw) {
    }
}
