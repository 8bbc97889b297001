package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.JarProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: the packaged jar runs on the bundled sample inbox, as the README says, and the published
 * figures of shared/reference/published-figures.md come back out of the Parquet, read by DuckDB.
 */
class SampleInboxIT {

    private static final String YEAR = "2023/24";
    private static final String ROW_LEVEL = "reason NOT IN ('UNREADABLE', 'MISSING_COLUMNS', 'TOO_MANY_REJECTS')";

    @TempDir
    static Path dir;
    static Path warehouse;
    static Cli.Result run;

    @BeforeAll
    static void runTheSampleJob() throws Exception {
        warehouse = dir.resolve("warehouse");
        run = JarProcess.run(Path.of("").toAbsolutePath(), "run", "--job", "jobs/sample.yml", "--warehouse",
                warehouse.toString(), "--run-date", "2026-11-29",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/batch"));
    }

    @Test
    void exitsThreeBecauseTheSampleHoldsQuarantinedFilesAndPrintsTheHeadlines() {
        assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(run.out()).contains("Financial year 2023/24: 38,685 offences (105.7 a day) from 43 forces")
                .contains("platform recorded: 7,338 offences from 20 forces")
                .contains(warehouse.resolve("national_summary").toString())
                .contains("3 file(s) quarantined");
    }

    @Test
    void reproducesTheNationalFigures() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Object> n = duck.rows("SELECT * FROM {national_summary} WHERE financial_year = '" + YEAR + "'")
                    .get(0);
            assertThat(n.get("offences")).isEqualTo(38_685L);
            assertThat(n.get("days_in_year")).isEqualTo(366);
            assertThat((Double) n.get("offences_per_day")).isCloseTo(105.7, within(0.05));
            assertThat(n.get("platform_recorded_offences")).isEqualTo(7_338L);
            assertThat(n.get("forces_reporting")).isEqualTo(43);
            assertThat(n.get("forces_reporting_platform")).isEqualTo(20);
            assertThat(duck.scalarLong("SELECT sum(offences) FROM {clean_offences} WHERE financial_year = '" + YEAR + "'"))
                    .isEqualTo(38_685L);
        }
    }

    @Test
    void reproducesThePlatformAndOwnerFigures() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Long> platforms = duck.longsByKey(
                    "SELECT platform, offences FROM {offences_by_platform} WHERE financial_year = '" + YEAR + "'");
            assertThat(platforms).containsEntry("Snapchat", 3_648L).containsEntry("Instagram", 840L)
                    .containsEntry("Facebook", 537L).containsEntry("WhatsApp", 457L);
            assertThat(duck.longsByKey("SELECT platform_owner, offences FROM {offences_by_owner} WHERE financial_year = '"
                    + YEAR + "' AND platform_owner = 'Meta'")).containsExactlyEntriesOf(Map.of("Meta", 1_834L));
            double snapShare = ((Number) duck.scalar("SELECT share_of_platform_recorded FROM {offences_by_platform} "
                    + "WHERE financial_year = '" + YEAR + "' AND platform = 'Snapchat'")).doubleValue();
            assertThat(snapShare).isCloseTo(0.497, within(0.0005));
            String largestCategory = (String) duck.scalar("SELECT platform_category FROM {offences_by_category} "
                    + "WHERE financial_year = '" + YEAR + "' ORDER BY offences DESC LIMIT 1");
            assertThat(largestCategory).isEqualTo("private messaging");
        }
    }

    @Test
    void reproducesThePublishedForceTotals() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Long> forces = duck.longsByKey("SELECT force_name, sum(offences) FROM {offences_by_force} "
                    + "WHERE financial_year = '" + YEAR + "' GROUP BY force_name");
            assertThat(forces).containsEntry("South Yorkshire", 1_249L).containsEntry("Hampshire", 1_239L)
                    .containsEntry("South Wales", 964L).containsEntry("North Wales", 535L)
                    .containsEntry("Gwent", 503L).containsEntry("Dyfed-Powys", 192L);
        }
    }

    @Test
    void everyForceAndPlatformMatchesTheGeneratorsManifest() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Long> forces = duck.longsByKey("SELECT financial_year || ' ' || force_code, sum(offences) "
                    + "FROM {offences_by_force} GROUP BY 1");
            Map<String, Long> platformRecorded = duck.longsByKey("SELECT financial_year || ' ' || force_code, "
                    + "sum(platform_recorded_offences) FROM {offences_by_force} GROUP BY 1");
            Map<String, Long> expectedForces = new HashMap<>();
            Map<String, Long> expectedRecorded = new HashMap<>();
            for (CSVRecord r : manifest("expected-force-totals.csv")) {
                expectedForces.put(r.get("financial_year") + " " + r.get("force_code"), Long.parseLong(r.get("offences")));
                expectedRecorded.put(r.get("financial_year") + " " + r.get("force_code"),
                        Long.parseLong(r.get("platform_recorded_offences")));
            }
            assertThat(forces).isEqualTo(expectedForces);
            assertThat(platformRecorded).isEqualTo(expectedRecorded);

            Map<String, Long> platforms = duck.longsByKey("SELECT financial_year || ' ' || platform, offences "
                    + "FROM {offences_by_platform}");
            Map<String, Long> expectedPlatforms = new HashMap<>();
            for (CSVRecord r : manifest("expected-platforms.csv")) {
                expectedPlatforms.put(r.get("financial_year") + " " + r.get("platform"), Long.parseLong(r.get("offences")));
            }
            assertThat(platforms).isEqualTo(expectedPlatforms);
        }
    }

    @Test
    void everyFileIsAccountedForAndNothingIsLost() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            List<Map<String, Object>> inventory = duck.rows("SELECT * FROM {file_inventory} ORDER BY source_file");
            List<CSVRecord> expected = manifest("expected-files.csv");
            assertThat(inventory).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                CSVRecord e = expected.get(i);
                Map<String, Object> a = inventory.get(i);
                String file = e.get("source_file");
                assertThat(a.get("source_file")).isEqualTo(file);
                assertThat(a.get("status")).as(file).isEqualTo(e.get("status"));
                assertThat(a.get("rows_read")).as(file).isEqualTo(Long.parseLong(e.get("rows_read")));
                assertThat(a.get("rows_accepted")).as(file).isEqualTo(Long.parseLong(e.get("rows_accepted")));
                assertThat(a.get("rows_rejected")).as(file).isEqualTo(Long.parseLong(e.get("rows_rejected")));
                assertThat(a.get("rows_skipped")).as(file).isEqualTo(Long.parseLong(e.get("rows_skipped")));
                assertThat((long) a.get("rows_read")).as(file).isEqualTo((long) a.get("rows_accepted")
                        + (long) a.get("rows_rejected") + (long) a.get("rows_skipped"));
                if (!"DUPLICATE".equals(e.get("status"))) {
                    assertThat(String.valueOf(a.get("encoding"))).as(file)
                            .isEqualTo(e.get("encoding").isEmpty() ? "null" : e.get("encoding"));
                }
                if (!"MISSING_COLUMNS".equals(e.get("quarantine_reason"))) {
                    assertThat(String.valueOf(a.get("layout"))).as(file)
                            .isEqualTo(e.get("layout").isEmpty() ? "null" : e.get("layout"));
                }
                assertThat(String.valueOf(a.get("quarantine_reason"))).as(file)
                        .isEqualTo(e.get("quarantine_reason").isEmpty() ? "null" : e.get("quarantine_reason"));
                Map<String, Long> reasons = duck.longsByKey("SELECT reason, count(*) FROM {quarantine} WHERE source_file = '"
                        + file + "' AND " + ROW_LEVEL + " GROUP BY reason");
                assertThat(reasons).as(file).isEqualTo(reasons(e.get("reject_reasons")));
            }
            // Every rejected row is in the quarantine with its line, column, value and raw text.
            assertThat(duck.scalarLong("SELECT count(*) FROM {quarantine} WHERE " + ROW_LEVEL))
                    .isEqualTo(duck.scalarLong("SELECT sum(rows_rejected) FROM {file_inventory}"));
            assertThat(duck.scalarLong("SELECT count(*) FROM {quarantine} WHERE " + ROW_LEVEL
                    + " AND (raw IS NULL OR raw = '' OR line < 1)")).isZero();
            // One quarantine row per quarantined file, naming why.
            assertThat(duck.longsByKey("SELECT reason, count(*) FROM {quarantine} WHERE NOT " + ROW_LEVEL + " GROUP BY 1"))
                    .isEqualTo(Map.of("UNREADABLE", 1L, "MISSING_COLUMNS", 1L, "TOO_MANY_REJECTS", 1L));
        }
    }

    @Test
    void aSecondRunOverTheSameInboxChangesNothingAndExitsZero() throws Exception {
        byte[] before = Files.readAllBytes(warehouse.resolve("national_summary/part-00000.parquet"));

        Cli.Result again = JarProcess.run(Path.of("").toAbsolutePath(), "run", "--job", "jobs/sample.yml",
                "--warehouse", warehouse.toString(), "--run-date", "2026-11-29",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/batch"));

        assertThat(again.status()).as(again.out()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(again.out()).contains("nothing new");
        assertThat(Files.readAllBytes(warehouse.resolve("national_summary/part-00000.parquet"))).isEqualTo(before);
    }

    private static Map<String, Long> reasons(String text) {
        Map<String, Long> out = new HashMap<>();
        if (!text.isEmpty()) {
            for (String part : text.split(";")) {
                String[] kv = part.split(":");
                out.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return out;
    }

    private static List<CSVRecord> manifest(String name) throws Exception {
        try (CSVParser p = CSVParser.parse(Path.of("src/sample", name), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords().stream().sorted(java.util.Comparator.comparing(r -> r.get(0))).toList();
        }
    }
}
