package org.forcereturns.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.aggregate.Summaries;
import org.forcereturns.aggregate.UnmappedPlatforms;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Platform;
import org.forcereturns.ingest.IngestRules;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Hashing;
import org.forcereturns.storage.InParallel;
import org.forcereturns.storage.ParquetConcatenation;
import org.forcereturns.storage.ParquetTableReader;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.CleanOffenceFiles;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.Tables;

/**
 * Publishes the tables of contract section 7 from the ledger: every loaded delivery's rows, corrected by
 * later deliveries, are streamed once into {@code clean_offences} and the summaries; every table is staged
 * and then swapped in whole. Derived from the ledger alone, so publishing again gives the same tables.
 */
public final class WarehousePublisher {

    private final Storage storage;
    private final Path warehouse;
    private final Ledger ledger;
    private final Function<String, Optional<Platform>> suggester;
    private final SmallCellSuppression suppression;
    private final LocalDate runDate;
    private final Fence fence;

    /** An empty {@code clean_offences} holds one file with no rows in this partition: the first year accepted. */
    static final int EMPTY_TABLE_YEAR = FinancialYear.containing(IngestRules.EARLIEST_DATE).startYear();

    /**
     * @param runDate the run's date: which years are complete, and so what their rate divides by
     * @param fence   checked before the first change to the tables and before each table's swap
     */
    public WarehousePublisher(Storage storage, Path warehouse, Ledger ledger,
                              Function<String, Optional<Platform>> suggester, SmallCellSuppression suppression,
                              LocalDate runDate, Fence fence) {
        this.runDate = runDate;
        this.storage = storage;
        this.warehouse = warehouse;
        this.ledger = ledger;
        this.suggester = suggester;
        this.suppression = suppression;
        this.fence = fence;
    }

    public PublishResult publish(String runId, Map<String, String> metadata) throws IOException {
        TableSwap swap = new TableSwap(storage, warehouse, fence);
        fence.check("publishing");
        swap.recover();
        List<DeliveryRecord> deliveries = ledger.deliveries();
        Map<String, IngestedFile> files = ledger.ingestedFiles(deliveries);
        String fingerprint = fingerprint(deliveries, files, suppression, YearMonth.from(runDate));
        long quarantined = files.values().stream().filter(f -> f.outcome().status() == FileStatus.QUARANTINED).count();
        long quarantinedThisRun = files.values().stream()
                .filter(f -> runId.equals(f.runId()) && f.outcome().status() == FileStatus.QUARANTINED).count();
        Optional<Ledger.Publication> last = ledger.lastPublication();
        if (last.isPresent() && fingerprint.equals(last.get().fingerprint()) && allTablesPresent()) {
            Map<String, Long> rows = last.get().tableRows();
            return new PublishResult(false, rows, quarantined, rows.getOrDefault(Tables.UNMAPPED_PLATFORMS.name(), 0L),
                    0, quarantinedThisRun, deliveries, files);
        }

        Path staging = new Path(new Path(warehouse, "_staging"), runId);
        storage.delete(staging);
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("force_returns.run_id", runId);
        meta.put("force_returns.schema_version", Tables.SCHEMA_VERSION);

        List<DeliveryRecord> firsts = deliveries.stream().filter(d -> !d.isDuplicate()).toList();
        Corrections corrections = new Corrections();
        for (int i = 0; i < firsts.size(); i++) {
            FileOutcome outcome = files.get(firsts.get(i).sha256()).outcome();
            if (outcome.status() == FileStatus.LOADED) {
                corrections.register(i, outcome.coveredMonths());
            }
        }

        Map<String, Long> rows = new LinkedHashMap<>();
        Summaries summaries = new Summaries(runDate);
        UnmappedPlatforms unmapped = new UnmappedPlatforms();
        SupersededRows superseded = new SupersededRows(firsts, corrections);
        rows.put(Tables.CLEAN_OFFENCES.name(),
                writeCleanOffences(staging, meta, firsts, files, corrections, summaries, unmapped, superseded));
        rows.put(Tables.QUARANTINE.name(), writeQuarantine(staging, meta, firsts, files));
        SummaryTables summaryTables = new SummaryTables(summaries, suppression);
        for (TableSchema table : SummaryTables.TABLES) {
            rows.put(table.name(), write(staging, table, meta, summaryTables.records(table)));
        }
        rows.put(Tables.UNMAPPED_PLATFORMS.name(),
                write(staging, Tables.UNMAPPED_PLATFORMS, meta, unmappedRecords(unmapped)));
        rows.put(Tables.FILE_INVENTORY.name(),
                write(staging, Tables.FILE_INVENTORY, meta, inventoryRecords(deliveries, files, superseded)));
        rows.put(Tables.PARTLY_REPLACED_CELLS.name(),
                write(staging, Tables.PARTLY_REPLACED_CELLS, meta, superseded.partlyReplacedRecords()));

        for (TableSchema table : Tables.PUBLISHED) {
            swap.swap(table.name(), new Path(staging, table.name()), runId);
        }
        storage.delete(staging);
        storage.delete(new Path(new Path(warehouse, "_trash"), runId));
        fence.check("recording the publish");
        ledger.published(new Ledger.Publication(fingerprint, runId, rows));
        java.util.Set<String> deliveredNow = new java.util.HashSet<>();
        firsts.stream().filter(d -> runId.equals(d.runId())).forEach(d -> deliveredNow.add(d.sourceFile()));
        long newUnmapped = unmapped.entries().stream().filter(e -> deliveredNow.contains(e.firstSourceFile())).count();
        return new PublishResult(true, rows, quarantined, unmapped.entries().size(), newUnmapped, quarantinedThisRun,
                deliveries, files);
    }

    /**
     * Folds every loaded delivery's tallies that survive corrections into the summaries, and builds each year's
     * {@code clean_offences} file from the deliveries' own year files: copied whole (row groups, byte for byte)
     * when corrections keep all their rows, which is the usual case, or decoded and filtered when a later
     * delivery re-stated some of their months. Tallies are read, and the years' files built, on every core: this
     * step runs alone at the end of a run.
     */
    private long writeCleanOffences(Path staging, Map<String, String> meta, List<DeliveryRecord> firsts,
                                    Map<String, IngestedFile> files, Corrections corrections, Summaries summaries,
                                    UnmappedPlatforms unmapped, SupersededRows superseded) throws IOException {
        List<Integer> loaded = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            if (files.get(firsts.get(i).sha256()).outcome().status() == FileStatus.LOADED) {
                loaded.add(i);
            }
        }
        Map<String, List<OffenceTally>> talliesBySha = ledger.tallies();
        List<List<OffenceTally>> tallies = loaded.stream()
                .map(i -> talliesBySha.getOrDefault(firsts.get(i).sha256(), List.of())).toList();
        // Folded in delivery order (the first file to name an unmapped text is the one reported).
        Map<Integer, List<YearPart>> years = new TreeMap<>();
        for (int k = 0; k < loaded.size(); k++) {
            int i = loaded.get(k);
            DeliveryRecord delivery = firsts.get(i);
            // Rows kept and dropped, by financial year.
            Map<Integer, long[]> counts = new TreeMap<>();
            for (OffenceTally tally : tallies.get(k)) {
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
            counts.forEach((year, c) -> {
                if (c[0] > 0) {
                    years.computeIfAbsent(year, y -> new ArrayList<>())
                            .add(new YearPart(i, delivery.sha256(), c[0], c[1] > 0));
                }
            });
        }
        Map<String, String> footer = CleanOffenceFiles.footer(meta);
        Path table = new Path(staging, Tables.CLEAN_OFFENCES.name());
        long written = 0;
        for (long n : InParallel.map(List.copyOf(years.entrySet()), "publish",
                year -> writeYear(staging, table, footer, year.getKey(), year.getValue(), corrections))) {
            written += n;
        }
        if (years.isEmpty()) {
            // Section 7: a table with no rows still holds a file with its schema, or readers fail on "no files".
            // In a partition folder, so that Hive-partitioned reads see the same columns as with rows.
            writeYear(staging, table, footer, EMPTY_TABLE_YEAR, List.of(), corrections);
        }
        storage.mkdirs(table);
        return written;
    }

    /** A delivery's rows of one year that go into the table: {@code kept} of them, some dropped if {@code partly}. */
    private record YearPart(int sequence, String sha256, long kept, boolean partly) {
    }

    /** One year's {@code clean_offences} file, its deliveries' rows in delivery order. */
    private long writeYear(Path staging, Path table, Map<String, String> footer, int year, List<YearPart> parts,
                           Corrections corrections) throws IOException {
        Path file = new Path(new Path(table, "financial_year_start=" + year), "part-00000.parquet");
        long written = 0;
        try (ParquetConcatenation out = new ParquetConcatenation(file, Tables.CLEAN_OFFENCES.parquet(),
                storage.configuration(), footer)) {
            for (YearPart part : parts) {
                Path rows = ledger.rowsFile(part.sha256(), year);
                long appended = !part.partly() ? out.append(rows)
                        : appendKept(out, rows, new Path(staging, "_kept-" + part.sha256() + "-" + year + ".parquet"),
                                part.sequence(), year, corrections);
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
    private long appendKept(ParquetConcatenation out, Path rows, Path kept, int sequence, int yearStart,
                            Corrections corrections) throws IOException {
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

    private long writeQuarantine(Path staging, Map<String, String> meta, List<DeliveryRecord> firsts,
                                 Map<String, IngestedFile> files) throws IOException {
        Path file = new Path(new Path(staging, Tables.QUARANTINE.name()), "part-00000.parquet");
        try (ParquetTableWriter writer = new ParquetTableWriter(Tables.QUARANTINE, file, storage.configuration(), meta)) {
            for (DeliveryRecord delivery : firsts) {
                Path rejects = ledger.rejectsFile(delivery.sha256());
                FileOutcome outcome = files.get(delivery.sha256()).outcome();
                // The file exists exactly when the outcome counts a reject or a quarantine (each writes one).
                if (outcome.rowsRejected() == 0 && outcome.quarantine() == null) {
                    continue;
                }
                try (ParquetReader<GenericRecord> reader = ParquetTableReader.open(rejects, storage.configuration())) {
                    for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                        writer.write(r);
                    }
                }
            }
            return writer.rows();
        }
    }

    private long write(Path staging, TableSchema table, Map<String, String> meta, List<GenericRecord> records)
            throws IOException {
        Path file = new Path(new Path(staging, table.name()), "part-00000.parquet");
        try (ParquetTableWriter writer = new ParquetTableWriter(table, file, storage.configuration(), meta)) {
            for (GenericRecord r : records) {
                writer.write(r);
            }
            return writer.rows();
        }
    }

    private List<GenericRecord> unmappedRecords(UnmappedPlatforms unmapped) {
        List<GenericRecord> out = new ArrayList<>();
        for (UnmappedPlatforms.Entry e : unmapped.entries()) {
            GenericData.Record r = Tables.UNMAPPED_PLATFORMS.newRecord();
            r.put("raw_value", e.rawValue());
            r.put("occurrences", e.occurrences());
            r.put("offences", e.offences());
            r.put("first_source_file", e.firstSourceFile());
            r.put("suggested_platform", suggester.apply(e.rawValue()).map(Platform::name).orElse(null));
            out.add(r);
        }
        return out;
    }

    private List<GenericRecord> inventoryRecords(List<DeliveryRecord> deliveries, Map<String, IngestedFile> files,
                                                 SupersededRows superseded) {
        List<GenericRecord> out = new ArrayList<>();
        for (DeliveryRecord d : deliveries) {
            GenericData.Record r = Tables.FILE_INVENTORY.newRecord();
            r.put("source_file", d.sourceFile());
            r.put("sha256", d.contentSha256());
            r.put("bytes", d.bytes());
            r.put("encoding", d.encoding());
            r.put("run_id", d.runId());
            if (d.isDuplicate()) {
                r.put("preamble_lines", 0L);
                r.put("rows_read", 0L);
                r.put("rows_accepted", 0L);
                r.put("rows_rejected", 0L);
                r.put("rows_skipped", 0L);
                r.put("status", FileStatus.DUPLICATE.name());
                r.put("duplicate_of", d.duplicateOf());
                r.put("rows_published", 0L);
                r.put("rows_superseded", 0L);
            } else {
                FileOutcome o = files.get(d.sha256()).outcome();
                r.put("layout", o.layout() == null ? null : o.layout().name());
                r.put("preamble_lines", o.preambleLines());
                r.put("ignored_columns", o.ignoredColumns() == null ? null : String.join("|", o.ignoredColumns()));
                r.put("rows_read", o.rowsRead());
                r.put("rows_accepted", o.rowsAccepted());
                r.put("rows_rejected", o.rowsRejected());
                r.put("rows_skipped", o.rowsSkipped());
                r.put("status", o.status().name());
                r.put("quarantine_reason", o.quarantine() == null ? null : o.quarantine().name());
                r.put("rows_published", superseded.rowsPublished(d.sha256()));
                r.put("rows_superseded", superseded.rowsSuperseded(d.sha256()));
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Changes whenever a delivery is added, any content is re-ingested (as by a rebuild), a publish setting changes
     * or the run date enters another month (which can end a year, or reach further into it).
     */
    private static String fingerprint(List<DeliveryRecord> deliveries, Map<String, IngestedFile> files,
                                      SmallCellSuppression suppression, YearMonth runMonth) {
        StringBuilder sb = new StringBuilder(Tables.SCHEMA_VERSION).append(":min-cell-size=")
                .append(suppression.minCellSize()).append(":run-month=").append(runMonth);
        for (DeliveryRecord d : deliveries) {
            sb.append('\n').append(d.id());
            IngestedFile f = files.get(d.sha256());
            if (!d.isDuplicate() && f != null) {
                sb.append(':').append(f.runId());
            }
        }
        return Hashing.sha256Hex(sb.toString());
    }

    private boolean allTablesPresent() {
        return Tables.PUBLISHED.stream()
                .allMatch(t -> storage.exists(new Path(new Path(warehouse, t.name()), "_SUCCESS")));
    }
}
