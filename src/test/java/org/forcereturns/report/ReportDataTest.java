package org.forcereturns.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {

    private final Storage storage = Storage.local();

    @Test
    void anEmptyWarehouseReadsAsNoData(@TempDir java.nio.file.Path dir) throws Exception {
        ReportData data = ReportData.read(storage, storage.resolve(dir.toString()));

        assertThat(data.years()).isEmpty();
        assertThat(data.files()).isEmpty();
        assertThat(data.latestYear()).isEmpty();
        assertThat(data.runId()).isNull();
    }

    @Test
    void readsThePublishedTablesAndFoldsForcesAndQuarters(@TempDir java.nio.file.Path dir) throws Exception {
        org.apache.hadoop.fs.Path wh = storage.resolve(dir.toString());
        write(wh, Tables.NATIONAL_SUMMARY, List.of(
                Map.of("financial_year", "2023/24", "offences", 10L, "days_in_year", 366, "offences_per_day", 10 / 366.0,
                        "platform_recorded_offences", 4L, "platform_recorded_share", 0.4, "forces_reporting", 2,
                        "forces_reporting_platform", 1, "suppressed_cells", 1L),
                Map.of("financial_year", "2022/23", "offences", 3L, "days_in_year", 365, "offences_per_day", 3 / 365.0,
                        "platform_recorded_offences", 0L, "forces_reporting", 1, "forces_reporting_platform", 0,
                        "suppressed_cells", 0L)));
        write(wh, Tables.OFFENCES_BY_FORCE, List.of(
                force("2023/24", 1, "E1", "Kent", "86/2", 3L, 1L), force("2023/24", 1, "E1", "Kent", "86/10", 2L, 2L),
                force("2023/24", 2, "E1", "Kent", "86/2", 1L, 1L), force("2023/24", null, "E2", "Essex", "86/2", 4L, 0L),
                force("2022/23", 4, "E2", "Essex", "86/2", 3L, 0L)));
        write(wh, Tables.OFFENCES_BY_PLATFORM, List.of(
                Map.of("financial_year", "2023/24", "platform", "Instagram", "platform_owner", "Meta",
                        "platform_category", "social media", "offences", 1L, "share_of_platform_recorded", 0.25),
                Map.of("financial_year", "2023/24", "platform", "Snapchat", "platform_owner", "Snap Inc.",
                        "platform_category", "private messaging", "offences", 3L, "share_of_platform_recorded", 0.75)));
        write(wh, Tables.QUARANTINE, List.of(
                Map.of("run_id", "r1", "source_file", "a.csv", "line", 3L, "reason", "BAD_DATE"),
                Map.of("run_id", "r1", "source_file", "a.csv", "line", 4L, "reason", "BAD_DATE"),
                Map.of("run_id", "r1", "source_file", "b.csv", "line", 0L, "reason", "UNREADABLE"),
                Map.of("run_id", "r1", "source_file", "c.csv", "line", 9L, "reason", "BAD_COUNT")));
        write(wh, Tables.FILE_INVENTORY, List.of(
                Map.ofEntries(Map.entry("source_file", "a.csv"), Map.entry("sha256", "aa"), Map.entry("bytes", 10L),
                        Map.entry("preamble_lines", 2L), Map.entry("ignored_columns", "BCU|Notes"),
                        Map.entry("rows_read", 5L), Map.entry("rows_accepted", 3L), Map.entry("rows_rejected", 2L),
                        Map.entry("rows_skipped", 0L), Map.entry("status", "LOADED"), Map.entry("run_id", "r1")),
                Map.ofEntries(Map.entry("source_file", "b.csv"), Map.entry("sha256", "bb"), Map.entry("bytes", 0L),
                        Map.entry("preamble_lines", 0L), Map.entry("rows_read", 0L), Map.entry("rows_accepted", 0L),
                        Map.entry("rows_rejected", 0L), Map.entry("rows_skipped", 0L), Map.entry("status", "QUARANTINED"),
                        Map.entry("quarantine_reason", "UNREADABLE"), Map.entry("run_id", "r1"))));
        write(wh, Tables.UNMAPPED_PLATFORMS, List.of(
                Map.of("raw_value", "rare", "occurrences", 1L, "offences", 1L, "first_source_file", "a.csv"),
                Map.of("raw_value", "snapchta", "occurrences", 7L, "offences", 9L, "first_source_file", "a.csv",
                        "suggested_platform", "Snapchat")));

        ReportData data = ReportData.read(storage, wh);

        assertThat(data.runId()).isEqualTo("r-test");
        assertThat(data.years()).extracting(ReportData.Year::financialYear).containsExactly("2022/23", "2023/24");
        assertThat(data.years().get(0).platformRecordedShare()).isNull();
        assertThat(data.latestYear()).hasValue("2023/24");
        assertThat(data.forcesIn("2023/24")).containsExactly(
                new ReportData.ForceRow("2023/24", "E1", "Kent", 6, 4, 0),
                new ReportData.ForceRow("2023/24", "E2", "Essex", 4, 0, 0));
        assertThat(data.quarters()).containsExactly(quarter("2022/23", 4, 3, 0, "E2"),
                quarter("2023/24", 1, 5, 3, "E1"), quarter("2023/24", 2, 1, 1, "E1"),
                quarter("2023/24", null, 4, 0, "E2"));
        assertThat(data.platformsIn("2023/24")).extracting(ReportData.PlatformRow::platform)
                .containsExactly("Snapchat", "Instagram");
        assertThat(data.owners()).isEmpty();
        assertThat(data.rejectedRows()).containsExactly(new ReportData.ReasonCount("BAD_DATE", 2),
                new ReportData.ReasonCount("BAD_COUNT", 1));
        assertThat(data.filesWithStatus("QUARANTINED")).extracting(ReportData.FileRow::quarantineReason)
                .containsExactly("UNREADABLE");
        assertThat(data.filesWithIgnoredColumns()).singleElement().satisfies(f -> {
            assertThat(f.sourceFile()).isEqualTo("a.csv");
            assertThat(f.preambleLines()).isEqualTo(2);
            assertThat(f.ignoredColumnNames()).containsExactly("BCU", "Notes");
        });
        assertThat(data.unmapped()).extracting(ReportData.UnmappedRow::rawValue).containsExactly("snapchta", "rare");
        assertThat(data.unmapped().get(0).suggestedPlatform()).isEqualTo("Snapchat");
    }

    /** With --min-cell-size a small count is published as null: the report must read it as suppressed, not 0. */
    @Test
    void aCountWithheldAsSmallReadsAsSuppressedNeverAsZero(@TempDir java.nio.file.Path dir) throws Exception {
        org.apache.hadoop.fs.Path wh = storage.resolve(dir.toString());
        write(wh, Tables.OFFENCES_BY_FORCE, List.of(
                force("2023/24", 1, "E1", "Kent", "86/2", null, null),
                force("2023/24", 1, "E1", "Kent", "86/10", null, null),
                force("2023/24", 1, "E2", "Essex", "86/2", 12L, 5L),
                force("2023/24", 2, "E2", "Essex", "86/2", null, null)));

        ReportData data = ReportData.read(storage, wh);

        assertThat(data.forcesIn("2023/24")).containsExactly(
                new ReportData.ForceRow("2023/24", "E2", "Essex", 12, 5, 1),
                new ReportData.ForceRow("2023/24", "E1", "Kent", 0, 0, 2));
        assertThat(data.forcesIn("2023/24")).extracting(ReportData.ForceRow::whollySuppressed).containsExactly(false, true);
        assertThat(data.quarters()).containsExactly(
                new ReportData.QuarterRow("2023/24", 1, 12, 5, new java.util.TreeSet<>(List.of("E1", "E2")), 2),
                new ReportData.QuarterRow("2023/24", 2, 0, 0, new java.util.TreeSet<>(List.of("E2")), 1));
        assertThat(data.quarters().get(1).whollySuppressed()).isTrue();
    }

    /**
     * A trend line joins only quarters with the same forces reporting, one after another: 7 forces then 43 on one
     * line reads as a sixfold rise in offences.
     */
    @Test
    void theTrendIsCutWhereTheSetOfForcesReportingChangesOrAQuarterIsMissing(@TempDir java.nio.file.Path dir)
            throws Exception {
        org.apache.hadoop.fs.Path wh = storage.resolve(dir.toString());
        write(wh, Tables.OFFENCES_BY_FORCE, List.of(
                force("2022/23", 3, "E1", "Kent", "86/2", 1L, 0L), force("2022/23", 3, "E2", "Essex", "86/2", 1L, 0L),
                force("2022/23", 4, "E1", "Kent", "86/2", 1L, 0L), force("2022/23", 4, "E2", "Essex", "86/2", 1L, 0L),
                force("2023/24", 1, "E1", "Kent", "86/2", 1L, 0L), force("2023/24", 1, "E2", "Essex", "86/2", 1L, 0L),
                force("2023/24", 1, "E3", "Surrey", "86/2", 1L, 0L),
                // as many forces as before, but not the same ones
                force("2023/24", 2, "E1", "Kent", "86/2", 1L, 0L), force("2023/24", 2, "E2", "Essex", "86/2", 1L, 0L),
                force("2023/24", 2, "E4", "Sussex", "86/2", 1L, 0L),
                // same forces, but Q3 and Q4 are missing
                force("2024/25", 1, "E1", "Kent", "86/2", 1L, 0L), force("2024/25", 1, "E2", "Essex", "86/2", 1L, 0L),
                force("2024/25", 1, "E4", "Sussex", "86/2", 1L, 0L),
                force("2024/25", null, "E1", "Kent", "86/2", 9L, 0L)));

        ReportData data = ReportData.read(storage, wh);

        assertThat(data.trendRuns()).extracting(run -> run.stream().map(q -> q.financialYear() + " Q" + q.quarter()).toList())
                .containsExactly(List.of("2022/23 Q3", "2022/23 Q4"), List.of("2023/24 Q1"), List.of("2023/24 Q2"),
                        List.of("2024/25 Q1"));
    }

    @Test
    void readsYearCompletenessAndPartlyReplacedCells(@TempDir java.nio.file.Path dir) throws Exception {
        org.apache.hadoop.fs.Path wh = storage.resolve(dir.toString());
        write(wh, Tables.NATIONAL_SUMMARY, List.of(
                Map.ofEntries(Map.entry("financial_year", "2024/25"), Map.entry("offences", 153L),
                        Map.entry("days_in_year", 365), Map.entry("offences_per_day", 1.0),
                        Map.entry("platform_recorded_offences", 0L), Map.entry("forces_reporting", 1),
                        Map.entry("forces_reporting_platform", 0), Map.entry("suppressed_cells", 0L),
                        Map.entry("year_complete", false), Map.entry("days_covered", 153))));
        write(wh, Tables.PARTLY_REPLACED_CELLS, List.of(Map.ofEntries(Map.entry("source_file", "a.csv"),
                Map.entry("source_sha256", "aa"), Map.entry("force_code", "E1"), Map.entry("force_name", "Kent"),
                Map.entry("financial_year", "2023/24"), Map.entry("financial_quarter", 1),
                Map.entry("offence_code", "86/2"), Map.entry("cells", 1L), Map.entry("offences", 30L),
                Map.entry("suppressed_cells", 0L), Map.entry("months_restated", "2023-05"),
                Map.entry("restated_by", "b.csv"))));

        ReportData data = ReportData.read(storage, wh);

        assertThat(data.years()).singleElement().satisfies(y -> {
            assertThat(y.yearComplete()).isFalse();
            assertThat(y.daysCovered()).isEqualTo(153);
        });
        assertThat(data.partlyReplaced()).containsExactly(new ReportData.PartlyReplacedRow("a.csv", "Kent", "2023/24",
                1, "86/2", 30, "2023-05", "b.csv"));
    }

    private static ReportData.QuarterRow quarter(String year, Integer quarter, long offences, long recorded,
                                                 String... forces) {
        return new ReportData.QuarterRow(year, quarter, offences, recorded, new java.util.TreeSet<>(List.of(forces)), 0);
    }

    /** A row of offences_by_force; null counts were withheld as small (--min-cell-size). */
    private static Map<String, Object> force(String year, Integer quarter, String code, String name, String offence,
                                             Long offences, Long recorded) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("financial_year", year, "force_code", code,
                "force_name", name, "offence_code", offence, "suppressed_cells", 0L,
                "suppressed", offences == null || recorded == null));
        m.put("financial_quarter", quarter);
        m.put("offences", offences);
        m.put("platform_recorded_offences", recorded);
        return m;
    }

    private void write(org.apache.hadoop.fs.Path wh, TableSchema table, List<Map<String, Object>> rows) throws Exception {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(wh, table.name()),
                "part-00000.parquet");
        try (ParquetTableWriter w = new ParquetTableWriter(table, file, storage.configuration(),
                Map.of("force_returns.run_id", "r-test"))) {
            for (Map<String, Object> row : rows) {
                GenericData.Record r = table.newRecord();
                // Columns of schema version 2 that the older fixtures leave out: a complete year, nothing replaced.
                if (table == Tables.NATIONAL_SUMMARY) {
                    r.put("year_complete", true);
                    r.put("days_covered", row.get("days_in_year"));
                } else if (table == Tables.FILE_INVENTORY) {
                    r.put("rows_published", row.get("rows_accepted"));
                    r.put("rows_superseded", 0L);
                }
                row.forEach(r::put);
                w.write(r);
            }
        }
        storage.writeString(new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(wh, table.name()), "_SUCCESS"),
                "r-test\n");
    }
}
