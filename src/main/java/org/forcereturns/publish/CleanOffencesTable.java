package org.forcereturns.publish;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.ingest.IngestRules;
import org.forcereturns.storage.InParallel;
import org.forcereturns.storage.ParquetConcatenation;
import org.forcereturns.storage.ParquetTableReader;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.warehouse.CleanOffenceFiles;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.Tables;

/**
 * Builds each year's {@code clean_offences} file from the deliveries' own year files: copied whole (row groups,
 * byte for byte) when corrections keep all their rows, which is the usual case, or decoded and filtered when a
 * later delivery re-stated some of their months. The years' files are built on every core: the publish step runs
 * alone at the end of a run.
 */
final class CleanOffencesTable {

    /** An empty {@code clean_offences} holds one file with no rows in this partition: the first year accepted. */
    static final int EMPTY_TABLE_YEAR = FinancialYear.containing(IngestRules.EARLIEST_DATE).startYear();

    /** A delivery's rows of one year that go into the table: {@code kept} of them, some dropped if {@code partly}. */
    record YearPart(int sequence, String sha256, long kept, boolean partly) {
    }

    private final Storage storage;
    private final Ledger ledger;
    private final Corrections corrections;

    CleanOffencesTable(Storage storage, Ledger ledger, Corrections corrections) {
        this.storage = storage;
        this.ledger = ledger;
        this.corrections = corrections;
    }

    /**
     * @param years by financial year, the deliveries whose rows of it count ({@link CorrectedTallies#fold})
     * @return the rows written
     */
    long write(Staging staging, Map<String, String> meta, Map<Integer, List<YearPart>> years) throws IOException {
        Map<String, String> footer = CleanOffenceFiles.footer(meta);
        Path table = staging.table(Tables.CLEAN_OFFENCES);
        long written = 0;
        for (long n : InParallel.map(List.copyOf(years.entrySet()), "publish",
                year -> writeYear(staging, table, footer, year.getKey(), year.getValue()))) {
            written += n;
        }
        if (years.isEmpty()) {
            // Section 7: a table with no rows still holds a file with its schema, or readers fail on "no files".
            // In a partition folder, so that Hive-partitioned reads see the same columns as with rows.
            writeYear(staging, table, footer, EMPTY_TABLE_YEAR, List.of());
        }
        storage.mkdirs(table);
        return written;
    }

    /** One year's {@code clean_offences} file, its deliveries' rows in delivery order. */
    private long writeYear(Staging staging, Path table, Map<String, String> footer, int year, List<YearPart> parts)
            throws IOException {
        Path file = new Path(new Path(table, "financial_year_start=" + year), "part-00000.parquet");
        long written = 0;
        try (ParquetConcatenation out = new ParquetConcatenation(file, Tables.CLEAN_OFFENCES.parquet(),
                storage.configuration(), footer)) {
            for (YearPart part : parts) {
                Path rows = ledger.rowsFile(part.sha256(), year);
                long appended = !part.partly() ? out.append(rows)
                        : appendKept(out, rows,
                                new Path(staging.root(), "_kept-" + part.sha256() + "-" + year + ".parquet"),
                                part.sequence(), year);
                if (appended != part.kept()) {
                    throw new IOException("the ledger is inconsistent: " + rows + " holds " + appended
                            + " kept rows where its tallies count " + part.kept() + "; run `rebuild`");
                }
                written += appended;
            }
        }
        return written;
    }

    /** Copies the rows of a delivery's year file that corrections keep into a file of their own, then appends it. */
    private long appendKept(ParquetConcatenation out, Path rows, Path kept, int sequence, int yearStart)
            throws IOException {
        FinancialYear year = new FinancialYear(yearStart);
        try (ParquetReader<GenericRecord> reader = ParquetTableReader.open(rows, storage.configuration());
             ParquetTableWriter writer = new ParquetTableWriter(Tables.CLEAN_OFFENCES, kept, storage.configuration(),
                     Map.of())) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                Object month = r.get("month");
                Object quarter = r.get("financial_quarter");
                FinancialPeriod period = month != null ? FinancialPeriod.ofMonth(YearMonth.parse(month.toString()))
                        : quarter != null ? FinancialPeriod.ofQuarter(year, (Integer) quarter)
                        : FinancialPeriod.ofYear(year);
                if (corrections.keeps(sequence, r.get("force_code").toString(), period)) {
                    writer.write(r);
                }
            }
        }
        long appended = out.append(kept);
        storage.delete(kept);
        return appended;
    }
}
