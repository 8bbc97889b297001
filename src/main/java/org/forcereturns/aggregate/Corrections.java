package org.forcereturns.aggregate;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;

/**
 * Contract section 5: a later delivery from a force replaces that force's earlier rows for every month the
 * later delivery covers. Deliveries are registered in delivery order; a row survives only if its own delivery
 * is still the latest for every month the row covers (so a quarterly cell is dropped when a later return
 * re-states any month of that quarter, rather than being split).
 */
public final class Corrections {

    private final Map<String, Map<YearMonth, Integer>> latest = new HashMap<>();

    /** Registers one loaded delivery; call in delivery order with increasing sequence numbers. */
    public void register(int sequence, SortedMap<String, SortedSet<YearMonth>> coveredMonths) {
        coveredMonths.forEach((force, months) -> {
            Map<YearMonth, Integer> byMonth = latest.computeIfAbsent(force, k -> new HashMap<>());
            months.forEach(m -> byMonth.put(m, sequence));
        });
    }

    public boolean keeps(int sequence, CleanOffence row) {
        return keeps(sequence, row.force().code(), row.period());
    }

    public boolean keeps(int sequence, String forceCode, FinancialPeriod period) {
        Map<YearMonth, Integer> byMonth = latest.get(forceCode);
        if (byMonth == null) {
            return false;
        }
        YearMonth month = period.firstMonth();
        for (int i = 0; i < period.monthCount(); i++, month = month.plusMonths(1)) {
            Integer owner = byMonth.get(month);
            if (owner == null || owner != sequence) {
                return false;
            }
        }
        return true;
    }

    /**
     * The months of a row's period that later deliveries re-stated, each with the sequence of the delivery that
     * now owns it; empty when the row is kept. A dropped row with fewer entries than its period's months was
     * replaced only in part: its other months are now reported by no one.
     */
    public Map<YearMonth, Integer> restatedMonths(int sequence, String forceCode, FinancialPeriod period) {
        Map<YearMonth, Integer> byMonth = latest.getOrDefault(forceCode, Map.of());
        Map<YearMonth, Integer> restated = new LinkedHashMap<>();
        for (YearMonth month : period.months()) {
            Integer owner = byMonth.get(month);
            if (owner != null && owner != sequence) {
                restated.put(month, owner);
            }
        }
        return restated;
    }
}
