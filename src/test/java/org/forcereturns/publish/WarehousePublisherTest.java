package org.forcereturns.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.testing.MessyReturns;
import org.forcereturns.warehouse.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the publisher writes at the contract's edges, run through the whole job and read back with DuckDB. */
class WarehousePublisherTest {

    private static final String QUARTERLY = "PFA,Financial Year,Quarter,HO Code,Number of Offences";
    private static final String MONTHLY = "PFA,Month,HO Code,Number of Offences";

    @TempDir
    Path dir;

    private Cli.Result run(Path inbox, Path warehouse, String runDate) {
        return new Cli(dir).run("run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                "--run-date", runDate);
    }

    /**
     * Section 7: every table folder holds a Parquet file with the table's schema even with no rows, so the plain
     * read never fails with "No files found"; {@code clean_offences} keeps its partition column.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"one 0-byte file", "header-only files", "no file at all"})
    void everyTableCanBeReadWhenNoRowIsAccepted(String inboxKind) throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        Files.createDirectories(inbox.root());
        switch (inboxKind) {
            case "one 0-byte file" -> Files.write(inbox.root().resolve("2024-05-01_kent.csv"), new byte[0]);
            case "header-only files" -> {
                inbox.file("2024-05-01_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform");
                inbox.file("2024-05-02_gwent.csv", QUARTERLY);
            }
            default -> { }
        }
        Path wh = dir.resolve("wh");

        Cli.Result result = run(inbox.root(), wh, "2024-12-31");

        assertThat(result.status()).as(result.toString()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);
        try (Duck duck = new Duck(wh)) {
            for (TableSchema table : Tables.PUBLISHED) {
                long rows = duck.scalarLong("SELECT count(*) FROM {" + table.name() + "}");
                if (!table.name().equals("file_inventory") && !table.name().equals("quarantine")) {
                    assertThat(rows).as(table.name()).isZero();
                }
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (Map<String, Object> c : duck.rows("DESCRIBE SELECT * FROM {clean_offences}")) {
                columns.put((String) c.get("column_name"), (String) c.get("column_type"));
            }
            List<String> expected = new ArrayList<>(Tables.CLEAN_OFFENCES.avro().getFields().stream()
                    .map(f -> f.name()).toList());
            expected.add("financial_year_start");
            assertThat(columns.keySet()).containsExactlyElementsOf(expected);
            // the same type as when the table has rows, so queries on it work either way
            assertThat(columns.get("financial_year_start")).isEqualTo("BIGINT");
            assertThat(duck.scalarLong("SELECT count(*) FROM {clean_offences} WHERE financial_year_start = 2023"))
                    .isZero();
        }
    }

    @Test
    void theEmptyPartitionGoesOnceRowsArrive() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-05-01_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform");
        Path wh = dir.resolve("wh");
        assertThat(run(inbox.root(), wh, "2024-12-31").status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(wh.resolve("clean_offences/financial_year_start=" + CleanOffencesTable.EMPTY_TABLE_YEAR)).exists();

        inbox.file("2024-05-02_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform",
                "Kent,K1,2023-04-03,86/2,Snapchat");
        assertThat(run(inbox.root(), wh, "2024-12-31").status()).isEqualTo(ExitStatus.SUCCESS);

        try (var partitions = Files.list(wh.resolve("clean_offences"))) {
            assertThat(partitions.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")))
                    .containsExactly("financial_year_start=2023");
        }
    }

    /**
     * Section 5: per file, accepted rows = rows still published + rows later deliveries replaced; every quarterly
     * or yearly cell re-stated only in part is listed with its force, period and offences.
     */
    @Test
    void supersededRowsAreReconciledPerFileAndPartlyReplacedCellsListed() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        MessyReturns.partialRestatements(inbox);
        Path wh = dir.resolve("wh");

        Cli.Result result = run(inbox.root(), wh, "2024-12-31");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.QUARANTINED);
        try (Duck duck = new Duck(wh)) {
            assertThat(duck.rows("SELECT source_file, status, rows_accepted, rows_published, rows_superseded "
                    + "FROM {file_inventory} ORDER BY source_file")).containsExactly(
                    inventory("2024-05-01_kent_q.csv", "LOADED", 4, 0, 4),
                    inventory("2024-06-01_kent_may.csv", "LOADED", 2, 2, 0),
                    inventory("2024-07-01_kent_q2.csv", "LOADED", 3, 3, 0),
                    inventory("2024-07-02_kent_q2_again.csv", "DUPLICATE", 0, 0, 0),
                    inventory("2024-07-03_kent.csv", "QUARANTINED", 0, 0, 0));
            // rows_published is what clean_offences holds of each file
            assertThat(duck.longsByKey("SELECT f.source_file, count(c.source_line) FROM {file_inventory} f "
                    + "LEFT JOIN {clean_offences} c ON c.source_sha256 = f.sha256 AND f.status = 'LOADED' GROUP BY 1"))
                    .isEqualTo(duck.longsByKey("SELECT source_file, rows_published FROM {file_inventory}"));
            assertThat(duck.rows("SELECT source_file, force_name, financial_year, financial_quarter, offence_code, "
                    + "cells, offences, months_restated, restated_by FROM {partly_replaced_cells}")).containsExactly(
                    cell("2022/23", null, "86/2", 100, "2022-06"), cell("2023/24", 1, "86/10", 6, "2023-05"),
                    cell("2023/24", 1, "86/2", 30, "2023-05"));
        }
    }

    private static Map<String, Object> inventory(String file, String status, long accepted, long published,
                                                 long superseded) {
        return Map.of("source_file", file, "status", status, "rows_accepted", accepted, "rows_published", published,
                "rows_superseded", superseded);
    }

    private static Map<String, Object> cell(String year, Integer quarter, String offenceCode, long offences,
                                            String restated) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("source_file", "2024-05-01_kent_q.csv",
                "force_name", "Kent", "financial_year", year, "offence_code", offenceCode, "cells", 1L,
                "offences", offences, "months_restated", restated, "restated_by", "2024-06-01_kent_may.csv"));
        m.put("financial_quarter", quarter);
        return m;
    }

    /**
     * Section 7: a year not over on the run date is {@code year_complete = false} and its rate divides by the days
     * up to the end of the latest month reported; a later run date past 31 March republishes it as complete.
     */
    @Test
    void aYearNotOverOnTheRunDateIsIncompleteUntilItEnds() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-11-05_kent.csv", MONTHLY, "Kent,2023-06,86/2,366", "Kent,2024-05,86/2,100",
                "Kent,2024-08,86/2,83");
        Path wh = dir.resolve("wh");
        String query = "SELECT financial_year, year_complete, days_in_year, days_covered, round(offences_per_day, 4) "
                + "AS per_day FROM {national_summary} ORDER BY financial_year";

        Cli.Result running = run(inbox.root(), wh, "2024-11-10");
        assertThat(running.status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(running.out()).contains("Financial year 2024/25 (not over): 183 offences so far (1.2 a day over the "
                + "153 days reported) from 1 forces");
        try (Duck duck = new Duck(wh)) {
            assertThat(duck.rows(query)).containsExactly(
                    national("2023/24", true, 366, 366, 1.0),
                    // April to August: 153 days
                    national("2024/25", false, 365, 153, 1.1961));
        }

        assertThat(run(inbox.root(), wh, "2025-04-01").status()).isEqualTo(ExitStatus.SUCCESS);
        try (Duck duck = new Duck(wh)) {
            assertThat(duck.rows(query)).containsExactly(
                    national("2023/24", true, 366, 366, 1.0),
                    national("2024/25", true, 365, 365, 0.5014));
        }
    }

    private static Map<String, Object> national(String year, boolean complete, int days, int covered, double perDay) {
        return Map.of("financial_year", year, "year_complete", complete, "days_in_year", days, "days_covered", covered,
                "per_day", perDay);
    }
}
