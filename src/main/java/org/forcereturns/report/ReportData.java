package org.forcereturns.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.storage.ParquetTableReader;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.Tables;

/**
 * Everything the run report shows, read back from the published Parquet tables only (never the ledger), so the
 * report says exactly what an analyst reading the tables would find. A missing table reads as empty.
 *
 * @param warehouse where the tables are, as shown on the report
 * @param runId     the run that published the tables (Parquet footer {@code force_returns.run_id}), or null
 * @param years     {@code national_summary}, oldest year first
 * @param platforms {@code offences_by_platform}, by year, then most offences first
 * @param owners    {@code offences_by_owner}, by year, then most offences first
 * @param forces    {@code offences_by_force} summed over quarters and offence codes, by year, then most offences first
 * @param quarters  {@code offences_by_force} summed per year and quarter, oldest first; quarter null for whole-year
 *                  counts (after the year's quarters)
 * @param files     {@code file_inventory}, in delivery order
 * @param rejectedRows row-level reasons of {@code quarantine} with their row counts, most first
 * @param unmapped  {@code unmapped_platforms}, most frequent first
 * @param partlyReplaced {@code partly_replaced_cells}, in delivery order
 */
public record ReportData(String warehouse, String runId, List<Year> years, List<PlatformRow> platforms,
                         List<OwnerRow> owners, List<ForceRow> forces, List<QuarterRow> quarters,
                         List<FileRow> files, List<ReasonCount> rejectedRows, List<UnmappedRow> unmapped,
                         List<PartlyReplacedRow> partlyReplaced) {

    public ReportData {
        years = List.copyOf(years);
        platforms = List.copyOf(platforms);
        owners = List.copyOf(owners);
        forces = List.copyOf(forces);
        quarters = List.copyOf(quarters);
        files = List.copyOf(files);
        rejectedRows = List.copyOf(rejectedRows);
        unmapped = List.copyOf(unmapped);
        partlyReplaced = List.copyOf(partlyReplaced);
    }

    /** One row of {@code national_summary}; {@code offencesPerDay} divides by {@code daysCovered}. */
    public record Year(String financialYear, long offences, int daysInYear, double offencesPerDay,
                       long platformRecordedOffences, Double platformRecordedShare, int forcesReporting,
                       int forcesReportingPlatform, long suppressedCells, boolean yearComplete, int daysCovered) {
    }

    /** One row of {@code offences_by_platform}; owner and category may be null (e.g. "Unrecognised"). */
    public record PlatformRow(String financialYear, String platform, String owner, String category, long offences,
                              double share) {
    }

    /** One row of {@code offences_by_owner}; owner may be null. */
    public record OwnerRow(String financialYear, String owner, long offences, double share) {
    }

    /**
     * One force's year: offences and those with a platform recorded, summed over the cells that have a figure.
     * {@code suppressedCells} counts the cells without one (withheld as small by {@code --min-cell-size}, or
     * suppressed in the return): when above 0 the sums are lower bounds, never the force's figure.
     */
    public record ForceRow(String financialYear, String forceCode, String forceName, long offences,
                           long platformRecordedOffences, long suppressedCells) {

        /** True when no cell of the year has a figure: the force's count is unknown, not 0. */
        public boolean whollySuppressed() {
            return suppressedCells > 0 && offences == 0;
        }
    }

    /**
     * One quarter (1 = Apr-Jun ... 4 = Jan-Mar) of a year; quarter null for counts given for a whole year.
     * {@code forces} are the codes of the forces with a row in it; sums and {@code suppressedCells} as in
     * {@link ForceRow}.
     */
    public record QuarterRow(String financialYear, Integer quarter, long offences, long platformRecordedOffences,
                             java.util.SortedSet<String> forces, long suppressedCells) {

        public QuarterRow {
            forces = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(forces));
        }

        public int forcesReporting() {
            return forces.size();
        }

        public boolean whollySuppressed() {
            return suppressedCells > 0 && offences == 0;
        }
    }

    /** One row of {@code partly_replaced_cells}: a cell a later return re-stated only in part. */
    public record PartlyReplacedRow(String sourceFile, String forceName, String financialYear, Integer quarter,
                                    String offenceCode, long offences, String monthsRestated, String restatedBy) {
    }

    /**
     * One row of {@code file_inventory}.
     *
     * @param ignoredColumns the header names no field was read from, as published ({@code |}-joined), or null
     */
    public record FileRow(String sourceFile, String status, String quarantineReason, String duplicateOf,
                          long rowsRead, long rowsAccepted, long rowsRejected, long rowsSkipped, long preambleLines,
                          String ignoredColumns) {

        public FileRow(String sourceFile, String status, String quarantineReason, String duplicateOf,
                       long rowsRead, long rowsAccepted, long rowsRejected, long rowsSkipped) {
            this(sourceFile, status, quarantineReason, duplicateOf, rowsRead, rowsAccepted, rowsRejected, rowsSkipped,
                    0, null);
        }

        /** The ignored column names, in header order (none when nothing was ignored or it is not known). */
        public List<String> ignoredColumnNames() {
            return ignoredColumns == null || ignoredColumns.isEmpty() ? List.of()
                    : List.of(ignoredColumns.split("\\|", -1));
        }
    }

    /** A reason and how many rows it rejected. */
    public record ReasonCount(String reason, long rows) {
    }

    /** One row of {@code unmapped_platforms}. */
    public record UnmappedRow(String rawValue, long occurrences, long offences, String firstSourceFile,
                              String suggestedPlatform) {
    }

    /** Reads every published table the report needs from the warehouse. */
    public static ReportData read(Storage storage, Path warehouse) throws IOException {
        Reader in = new Reader(storage, warehouse);

        List<Year> years = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.NATIONAL_SUMMARY)) {
            years.add(new Year(str(r, "financial_year"), lng(r, "offences"), (int) lng(r, "days_in_year"),
                    dbl(r, "offences_per_day"), lng(r, "platform_recorded_offences"),
                    r.get("platform_recorded_share") == null ? null : dbl(r, "platform_recorded_share"),
                    (int) lng(r, "forces_reporting"), (int) lng(r, "forces_reporting_platform"),
                    lng(r, "suppressed_cells"), !Boolean.FALSE.equals(r.get("year_complete")),
                    r.get("days_covered") == null ? (int) lng(r, "days_in_year") : (int) lng(r, "days_covered")));
        }
        years.sort(Comparator.comparing(Year::financialYear));

        List<PlatformRow> platforms = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.OFFENCES_BY_PLATFORM)) {
            platforms.add(new PlatformRow(str(r, "financial_year"), str(r, "platform"), str(r, "platform_owner"),
                    str(r, "platform_category"), lng(r, "offences"), dbl(r, "share_of_platform_recorded")));
        }
        platforms.sort(Comparator.comparing(PlatformRow::financialYear)
                .thenComparing(Comparator.comparingLong(PlatformRow::offences).reversed())
                .thenComparing(PlatformRow::platform));

        List<OwnerRow> owners = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.OFFENCES_BY_OWNER)) {
            owners.add(new OwnerRow(str(r, "financial_year"), str(r, "platform_owner"), lng(r, "offences"),
                    dbl(r, "share_of_platform_recorded")));
        }
        owners.sort(Comparator.comparing(OwnerRow::financialYear)
                .thenComparing(Comparator.comparingLong(OwnerRow::offences).reversed())
                .thenComparing(o -> o.owner() == null ? "\uffff" : o.owner()));

        Map<List<String>, long[]> byForce = new LinkedHashMap<>();
        Map<String, String> forceNames = new LinkedHashMap<>();
        Map<String, Map<Integer, long[]>> byQuarter = new TreeMap<>();
        Map<String, Map<Integer, java.util.SortedSet<String>>> quarterForces = new TreeMap<>();
        for (GenericRecord r : in.rows(Tables.OFFENCES_BY_FORCE)) {
            String year = str(r, "financial_year");
            String code = str(r, "force_code");
            long offences = lng(r, "offences");
            long recorded = lng(r, "platform_recorded_offences");
            // A null count was withheld as small (--min-cell-size): a suppressed cell, never a 0.
            long suppressed = lng(r, "suppressed_cells") + (r.get("offences") == null ? 1 : 0);
            forceNames.put(code, str(r, "force_name"));
            long[] f = byForce.computeIfAbsent(List.of(year, code), k -> new long[3]);
            f[0] += offences;
            f[1] += recorded;
            f[2] += suppressed;
            Integer quarter = r.get("financial_quarter") == null ? null : (int) lng(r, "financial_quarter");
            long[] q = byQuarter.computeIfAbsent(year, k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                    .computeIfAbsent(quarter, k -> new long[3]);
            q[0] += offences;
            q[1] += recorded;
            q[2] += suppressed;
            quarterForces.computeIfAbsent(year, k -> new java.util.HashMap<>())
                    .computeIfAbsent(quarter, k -> new java.util.TreeSet<>()).add(code);
        }
        List<ForceRow> forces = new ArrayList<>();
        byForce.forEach((k, v) -> forces.add(new ForceRow(k.get(0), k.get(1), forceNames.get(k.get(1)), v[0], v[1],
                v[2])));
        forces.sort(Comparator.comparing(ForceRow::financialYear)
                .thenComparing(Comparator.comparingLong(ForceRow::offences).reversed())
                .thenComparing(ForceRow::forceName));
        List<QuarterRow> quarters = new ArrayList<>();
        byQuarter.forEach((year, qs) -> qs.forEach((q, v) -> quarters.add(
                new QuarterRow(year, q, v[0], v[1], quarterForces.get(year).get(q), v[2]))));

        List<FileRow> files = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.FILE_INVENTORY)) {
            files.add(new FileRow(str(r, "source_file"), str(r, "status"), str(r, "quarantine_reason"),
                    str(r, "duplicate_of"), lng(r, "rows_read"), lng(r, "rows_accepted"), lng(r, "rows_rejected"),
                    lng(r, "rows_skipped"), lng(r, "preamble_lines"), optionalStr(r, "ignored_columns")));
        }

        Map<String, Long> reasons = new TreeMap<>();
        for (GenericRecord r : in.rows(Tables.QUARANTINE)) {
            String reason = str(r, "reason");
            if (!isFileLevel(reason)) {
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        List<ReasonCount> rejected = new ArrayList<>();
        reasons.forEach((reason, n) -> rejected.add(new ReasonCount(reason, n)));
        rejected.sort(Comparator.comparingLong(ReasonCount::rows).reversed().thenComparing(ReasonCount::reason));

        List<UnmappedRow> unmapped = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.UNMAPPED_PLATFORMS)) {
            unmapped.add(new UnmappedRow(str(r, "raw_value"), lng(r, "occurrences"), lng(r, "offences"),
                    str(r, "first_source_file"), str(r, "suggested_platform")));
        }
        unmapped.sort(Comparator.comparingLong(UnmappedRow::occurrences).reversed()
                .thenComparing(UnmappedRow::rawValue));

        List<PartlyReplacedRow> partlyReplaced = new ArrayList<>();
        for (GenericRecord r : in.rows(Tables.PARTLY_REPLACED_CELLS)) {
            partlyReplaced.add(new PartlyReplacedRow(str(r, "source_file"), str(r, "force_name"),
                    str(r, "financial_year"), r.get("financial_quarter") == null ? null : (int) lng(r, "financial_quarter"),
                    str(r, "offence_code"), lng(r, "offences"), str(r, "months_restated"), str(r, "restated_by")));
        }

        return new ReportData(warehouse.toString(), in.runId(Tables.NATIONAL_SUMMARY), years, platforms, owners,
                forces, quarters, files, rejected, unmapped, partlyReplaced);
    }

    /** The newest financial year in {@code national_summary}, if any. */
    public Optional<String> latestYear() {
        return years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1).financialYear());
    }

    public List<PlatformRow> platformsIn(String year) {
        return platforms.stream().filter(p -> p.financialYear().equals(year)).toList();
    }

    public List<OwnerRow> ownersIn(String year) {
        return owners.stream().filter(p -> p.financialYear().equals(year)).toList();
    }

    public List<ForceRow> forcesIn(String year) {
        return forces.stream().filter(p -> p.financialYear().equals(year)).toList();
    }

    /**
     * The quarters of the trend, oldest first, cut into runs that can be joined by one line: a run ends where the
     * set of forces reporting changes (a line from 7 forces to 43 would read as a rise in offences) or where a
     * quarter is missing. Whole-year counts are not in any run.
     */
    public List<List<QuarterRow>> trendRuns() {
        List<List<QuarterRow>> runs = new ArrayList<>();
        QuarterRow previous = null;
        for (QuarterRow q : quarters) {
            if (q.quarter() == null) {
                continue;
            }
            if (previous == null || !previous.forces().equals(q.forces()) || !follows(previous, q)) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(q);
            previous = q;
        }
        return runs.stream().map(List::copyOf).toList();
    }

    private static boolean follows(QuarterRow previous, QuarterRow next) {
        int year = Integer.parseInt(previous.financialYear().substring(0, 4));
        int nextYear = Integer.parseInt(next.financialYear().substring(0, 4));
        return previous.quarter() == 4 ? nextYear == year + 1 && next.quarter() == 1
                : nextYear == year && next.quarter() == previous.quarter() + 1;
    }

    /** Files in the inventory with this status ({@code LOADED}, {@code QUARANTINED}, {@code DUPLICATE}). */
    public List<FileRow> filesWithStatus(String status) {
        return files.stream().filter(f -> status.equals(f.status())).toList();
    }

    /** Files whose header had columns that no field is read from (a count column under an unforeseen name...). */
    public List<FileRow> filesWithIgnoredColumns() {
        return files.stream().filter(f -> !f.ignoredColumnNames().isEmpty()).toList();
    }

    public long rejectedRowCount() {
        return rejectedRows.stream().mapToLong(ReasonCount::rows).sum();
    }

    private static boolean isFileLevel(String reason) {
        try {
            return RejectReason.valueOf(reason).isFileLevel();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String str(GenericRecord r, String column) {
        Object v = r.get(column);
        return v == null ? null : v.toString();
    }

    /** A column a warehouse published by an earlier schema version may not have (a missing number reads as 0). */
    private static String optionalStr(GenericRecord r, String column) {
        return r.getSchema().getField(column) == null ? null : str(r, column);
    }

    private static long lng(GenericRecord r, String column) {
        Object v = r.getSchema().getField(column) == null ? null : r.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static double dbl(GenericRecord r, String column) {
        Object v = r.get(column);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** Reads a published table's Parquet files (partition folders included), skipping markers and hidden files. */
    private record Reader(Storage storage, Path warehouse) {

        List<GenericRecord> rows(TableSchema table) throws IOException {
            List<GenericRecord> rows = new ArrayList<>();
            for (FileStatus f : parquetFiles(table)) {
                try (ParquetReader<GenericRecord> reader =
                             ParquetTableReader.open(f.getPath(), storage.configuration())) {
                    for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                        rows.add(r);
                    }
                }
            }
            return rows;
        }

        String runId(TableSchema table) throws IOException {
            for (FileStatus f : parquetFiles(table)) {
                try (ParquetFileReader reader = ParquetFileReader.open(
                        HadoopInputFile.fromPath(f.getPath(), storage.configuration()))) {
                    String id = reader.getFooter().getFileMetaData().getKeyValueMetaData().get("force_returns.run_id");
                    if (id != null) {
                        return id;
                    }
                }
            }
            return null;
        }

        private List<FileStatus> parquetFiles(TableSchema table) throws IOException {
            Path dir = new Path(warehouse, table.name());
            if (!storage.exists(dir)) {
                return List.of();
            }
            return storage.listFilesRecursively(dir).stream()
                    .filter(f -> f.getPath().getName().endsWith(".parquet"))
                    .filter(f -> !f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_"))
                    .toList();
        }
    }
}
