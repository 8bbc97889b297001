package org.forcereturns.publish;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.Tables;

/**
 * Contract section 5: dropped offences are never silent. Counts, per delivered content, the accepted rows that
 * still count and those later deliveries replaced ({@code file_inventory.rows_published} and
 * {@code rows_superseded}), and lists every quarterly or yearly cell that a later delivery re-stated only in
 * part ({@code partly_replaced_cells}): its months that nobody re-stated are no longer reported by anyone.
 */
final class SupersededRows {

    private final List<DeliveryRecord> firsts;
    private final Corrections corrections;
    private final Map<String, long[]> byContent = new HashMap<>();
    private final Map<CellKey, Cell> partlyReplaced = new TreeMap<>();

    /** @param firsts the first delivery of every content, in delivery order: the sequence numbers of corrections */
    SupersededRows(List<DeliveryRecord> firsts, Corrections corrections) {
        this.firsts = firsts;
        this.corrections = corrections;
    }

    void published(int sequence, OffenceTally tally) {
        counts(sequence)[0] += tally.rows();
    }

    void superseded(int sequence, OffenceTally tally) {
        counts(sequence)[1] += tally.rows();
        FinancialPeriod period = tally.period();
        Map<YearMonth, Integer> restated = corrections.restatedMonths(sequence, tally.force().code(), period);
        if (restated.size() == period.monthCount()) {
            return; // wholly re-stated: nothing of it is lost
        }
        Cell cell = partlyReplaced.computeIfAbsent(new CellKey(sequence, tally.force().code(), period,
                tally.offenceCode().toString()), k -> new Cell(tally.force().name()));
        cell.cells += tally.rows();
        cell.offences += tally.offences();
        cell.suppressedCells += tally.suppressedCells();
        cell.restatedMonths.addAll(restated.keySet());
        restated.values().forEach(cell.restatedBy::add);
    }

    private long[] counts(int sequence) {
        return byContent.computeIfAbsent(firsts.get(sequence).sha256(), k -> new long[2]);
    }

    /** Accepted rows of a content that still count; 0 for one that was not loaded. */
    long rowsPublished(String sha256) {
        return byContent.getOrDefault(sha256, new long[2])[0];
    }

    /** Accepted rows of a content that later deliveries replaced; 0 for one that was not loaded. */
    long rowsSuperseded(String sha256) {
        return byContent.getOrDefault(sha256, new long[2])[1];
    }

    /** The rows of {@code partly_replaced_cells}, in delivery order, then force, period and offence code. */
    List<GenericRecord> partlyReplacedRecords() {
        List<GenericRecord> out = new ArrayList<>();
        partlyReplaced.forEach((k, c) -> {
            DeliveryRecord delivery = firsts.get(k.sequence());
            GenericData.Record r = Tables.PARTLY_REPLACED_CELLS.newRecord();
            r.put("source_file", delivery.sourceFile());
            r.put("source_sha256", delivery.sha256());
            r.put("force_code", k.forceCode());
            r.put("force_name", c.forceName);
            r.put("financial_year", k.period().year().label());
            r.put("financial_quarter", k.period().quarter());
            r.put("offence_code", k.offenceCode());
            r.put("cells", c.cells);
            r.put("offences", c.offences);
            r.put("suppressed_cells", c.suppressedCells);
            r.put("months_restated", String.join(", ", c.restatedMonths.stream().map(YearMonth::toString).toList()));
            r.put("restated_by", String.join(", ", c.restatedBy.stream().map(s -> firsts.get(s).sourceFile()).toList()));
            out.add(r);
        });
        return out;
    }

    private static final Comparator<Integer> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private record CellKey(int sequence, String forceCode, FinancialPeriod period, String offenceCode)
            implements Comparable<CellKey> {
        @Override
        public int compareTo(CellKey o) {
            int c = Integer.compare(sequence, o.sequence);
            c = c != 0 ? c : forceCode.compareTo(o.forceCode);
            c = c != 0 ? c : period.year().compareTo(o.period.year());
            c = c != 0 ? c : NULLS_LAST.compare(period.quarter(), o.period.quarter());
            return c != 0 ? c : offenceCode.compareTo(o.offenceCode);
        }
    }

    private static final class Cell {
        final String forceName;
        long cells;
        long offences;
        long suppressedCells;
        final TreeSet<YearMonth> restatedMonths = new TreeSet<>();
        final TreeSet<Integer> restatedBy = new TreeSet<>();

        Cell(String forceName) {
            this.forceName = forceName;
        }
    }
}
