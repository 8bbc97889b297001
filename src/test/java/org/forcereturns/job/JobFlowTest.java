package org.forcereturns.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.testing.MessyReturns;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job in this JVM (H2 JobRepository), read back with DuckDB: corrections, repeats, increments, rebuilds. */
class JobFlowTest {

    private static final String RECORD_HEADER = "Force,Crime Ref,Date Recorded,HO Offence Code,Platform";

    @TempDir
    Path dir;

    private Cli cli() {
        return new Cli(dir);
    }

    private Cli.Result run(Path inbox, Path warehouse, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--inbox", inbox.toString(), "--warehouse",
                warehouse.toString(), "--run-date", "2024-12-31"));
        args.addAll(List.of(extra));
        return cli().run(args.toArray(String[]::new));
    }

    private void kentAprilMay(InboxWriter inbox) {
        inbox.file("2024-05-01_kent.csv", RECORD_HEADER,
                "Kent Police,K1,2023-04-03,86/2,Snapchat",
                "Kent Police,K2,2023-04-09,86/10,Insta",
                "Kent Police,K3,2023-05-01,86/2,",
                "Kent Police,K4,2023-05-02,86/2,FB",
                "Kent Police,K5,2023-05-03,86/15,Snapchat / Instagram");
    }

    /** Kent's return published to wh, and a copy of that warehouse in wh-first. */
    private InboxWriter kentPublishedOnce() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        assertThat(run(inbox.root(), dir.resolve("wh")).status()).isEqualTo(ExitStatus.SUCCESS);
        copyTree(dir.resolve("wh"), dir.resolve("wh-first"));
        return inbox;
    }

    @Test
    void laterDeliveryReplacesOnlyTheMonthsItCovers() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        inbox.file("2024-06-01_kent_correction.csv", RECORD_HEADER, "Kent,K9,2023-05-20,86/2,WhatsApp");
        inbox.file("2024-06-02_gwent.csv", "PFA,Month,HO Code,Number of Offences", "Gwent,2023-05,86/2,7");

        Cli.Result result = run(inbox.root(), dir.resolve("wh"));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.SUCCESS);
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            Map<String, Long> byForce = duck.longsByKey(
                    "SELECT force_name, sum(offences) FROM {offences_by_force} GROUP BY force_name");
            assertThat(byForce).containsExactlyInAnyOrderEntriesOf(Map.of("Kent", 3L, "Gwent", 7L));
            assertThat(duck.rows("SELECT crime_reference, source_file, source_line FROM {clean_offences} "
                    + "WHERE force_name = 'Kent' AND month = '2023-05'"))
                    .containsExactly(Map.of("crime_reference", "K9", "source_file", "2024-06-01_kent_correction.csv",
                            "source_line", 2L));
            assertThat(duck.longsByKey("SELECT platform, offences FROM {offences_by_platform}"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("Snapchat", 1L, "Instagram", 1L, "WhatsApp", 1L));
        }
    }

    @Test
    void reDeliveredBytesAreRecordedAsDuplicatesAndAddNothing() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Files.copy(inbox.root().resolve("2024-05-01_kent.csv"), inbox.root().resolve("2024-07-01_kent_resend.csv"));

        Cli.Result result = run(inbox.root(), dir.resolve("wh"));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.SUCCESS);
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.scalarLong("SELECT sum(offences) FROM {clean_offences}")).isEqualTo(5);
            assertThat(duck.rows("SELECT source_file, status, coalesce(duplicate_of, '') AS duplicate_of FROM {file_inventory} "
                    + "ORDER BY source_file"))
                    .containsExactly(
                            Map.of("source_file", "2024-05-01_kent.csv", "status", "LOADED", "duplicate_of", ""),
                            Map.of("source_file", "2024-07-01_kent_resend.csv", "status", "DUPLICATE",
                                    "duplicate_of", "2024-05-01_kent.csv"));
        }
    }

    @Test
    void rerunOverTheSameInboxChangesNothing() throws Exception {
        InboxWriter inbox = kentPublishedOnce();

        Cli.Result again = run(inbox.root(), dir.resolve("wh"));

        assertThat(again.status()).as(again.toString()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-first"), dir.resolve("wh"))).isEmpty();
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.scalarLong("SELECT count(*) FROM {file_inventory}")).isEqualTo(1);
            // Same run id as the first publish: nothing was rewritten.
            assertThat(duck.scalarLong("SELECT count(DISTINCT run_id) FROM {file_inventory}")).isEqualTo(1);
        }
    }

    /**
     * The ledger is in the JobRepository's database: a run given a fresh, empty database for a warehouse that
     * already holds tables is refused with one line that says what to do, and the tables are left as they were.
     */
    @Test
    void aFreshJobRepositoryIsRefusedForAWarehouseItDidNotPublish() throws Exception {
        InboxWriter inbox = kentPublishedOnce();

        Cli.Result refused = new Cli(dir.resolve("another-repo")).run("run", "--inbox", inbox.root().toString(),
                "--warehouse", dir.resolve("wh").toString(), "--run-date", "2024-12-31");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitStatus.USAGE);
        assertThat(refused.err().lines().filter(l -> l.startsWith("force-returns-etl:")).toList())
                .singleElement().asString()
                .contains("holds tables that this JobRepository did not publish")
                .contains("--spring.datasource.url");
        assertThat(WarehouseComparison.differences(dir.resolve("wh-first"), dir.resolve("wh"))).isEmpty();
        // The database it was published with still runs it.
        assertThat(run(inbox.root(), dir.resolve("wh")).status()).isEqualTo(ExitStatus.SUCCESS);
    }

    @Test
    void nightlyWavesGiveTheSameTablesAsOneRunOverTheWholeInbox() throws Exception {
        InboxWriter all = new InboxWriter(dir.resolve("inbox-all"));
        kentAprilMay(all);
        all.file("2024-05-02_gwent.csv", "PFA,Financial Year,Quarter,HO Code,Number of Offences,Platform",
                "Gwent,2023/24,Q1,86/2,12,Snapchat", "Gwent,2023/24,Q1,86/10,*,", "Gwent,2023/24,Q2,86/2,4,TikTok");
        all.file("2024-06-01_kent_correction.csv", RECORD_HEADER, "Kent,K9,2023-05-20,86/2,WhatsApp");
        all.file("2024-06-10_gwent_q2.csv", "PFA,Financial Year,Quarter,HO Code,Number of Offences",
                "Gwent,2023/24,Q2,86/2,5");
        all.file("2024-06-11_broken.csv", "Force,Notes", "Kent,nothing here");
        Files.copy(all.root().resolve("2024-05-02_gwent.csv"), all.root().resolve("2024-07-01_gwent_again.csv"));
        assertThat(run(all.root(), dir.resolve("wh-once")).status()).isEqualTo(ExitStatus.QUARANTINED);

        Path nightly = dir.resolve("inbox-nightly");
        Files.createDirectories(nightly);
        List<List<String>> waves = List.of(List.of("2024-05-01_kent.csv", "2024-05-02_gwent.csv"),
                List.of("2024-06-01_kent_correction.csv"), List.of(),
                List.of("2024-06-10_gwent_q2.csv", "2024-06-11_broken.csv"), List.of("2024-07-01_gwent_again.csv"));
        for (List<String> wave : waves) {
            for (String name : wave) {
                Files.copy(all.root().resolve(name), nightly.resolve(name));
            }
            Cli.Result r = run(nightly, dir.resolve("wh-nightly"));
            assertThat(r.status()).as(r.toString()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);
        }

        assertThat(WarehouseComparison.differences(dir.resolve("wh-once"), dir.resolve("wh-nightly"))).isEmpty();
        try (Duck duck = new Duck(dir.resolve("wh-once"))) {
            assertThat(duck.longsByKey("SELECT force_name, sum(offences) FROM {offences_by_force} GROUP BY 1"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("Kent", 3L, "Gwent", 17L));
        }
    }

    /**
     * Issue 12, defect 4: the same bytes X arrive as 2024-06-01 on night 1 and as 2024-05-01_kent_copy on night 2.
     * The first delivery of X in path order is the copy, so 2024-05-15 is the latest May return: May = 7, as one
     * run over all three publishes (night 1 alone published 3).
     */
    @Test
    void anEarlierNamedCopyArrivingLaterCountsAsTheFirstDeliveryOfItsBytes() throws Exception {
        String[] seven = new String[8];
        seven[0] = RECORD_HEADER;
        for (int i = 1; i <= 7; i++) {
            seven[i] = "Kent,M" + i + ",2023-05-0" + i + ",86/2,Snapchat";
        }
        String[] three = {RECORD_HEADER, "Kent,X1,2023-05-10,86/2,", "Kent,X2,2023-05-11,86/2,",
                "Kent,X3,2023-05-12,86/2,"};
        InboxWriter nightly = new InboxWriter(dir.resolve("inbox"));
        nightly.file("2024-05-15_kent.csv", seven);
        nightly.file("2024-06-01_kent.csv", three);
        assertThat(run(nightly.root(), dir.resolve("wh")).status()).isEqualTo(ExitStatus.SUCCESS);
        nightly.file("2024-05-01_kent_copy.csv", three);

        Cli.Result night2 = run(nightly.root(), dir.resolve("wh"));
        Cli.Result once = run(nightly.root(), dir.resolve("wh-once"));

        assertThat(night2.status()).as(night2.toString()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(once.status()).as(once.toString()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-once"), dir.resolve("wh"))).isEmpty();
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.scalarLong("SELECT sum(offences) FROM {clean_offences} WHERE month = '2023-05'"))
                    .isEqualTo(7);
            assertThat(duck.rows("SELECT source_file, status, coalesce(duplicate_of, '') AS duplicate_of "
                    + "FROM {file_inventory} ORDER BY source_file"))
                    .containsExactly(
                            Map.of("source_file", "2024-05-01_kent_copy.csv", "status", "LOADED", "duplicate_of", ""),
                            Map.of("source_file", "2024-05-15_kent.csv", "status", "LOADED", "duplicate_of", ""),
                            Map.of("source_file", "2024-06-01_kent.csv", "status", "DUPLICATE",
                                    "duplicate_of", "2024-05-01_kent_copy.csv"));
            // The rows of X now name the delivery that counts, as one run's do.
            assertThat(duck.scalarLong("SELECT count(*) FROM {quarantine}")).isZero();
        }
    }

    /**
     * Issue 12, defect 6: a link in the inbox named like a return is listed and quarantined UNREADABLE; nothing it
     * points at is read or copied into the raw archive. A named pipe is likewise never opened (it would block).
     */
    @Test
    void aLinkOrPipeInTheInboxIsQuarantinedAndNeverFollowed() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        MessyReturns.linkAndPipe(inbox.root(), dir.resolve("secret.txt"));

        Cli.Result result = run(inbox.root(), dir.resolve("wh"));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.QUARANTINED);
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.rows("SELECT source_file, status, quarantine_reason, coalesce(sha256, '') AS sha256, bytes "
                    + "FROM {file_inventory} WHERE source_file <> '2024-05-01_kent.csv' ORDER BY source_file"))
                    .containsExactly(
                            Map.of("source_file", "2024-05-02_kent.csv", "status", "QUARANTINED",
                                    "quarantine_reason", "UNREADABLE", "sha256", "", "bytes", 0L),
                            Map.of("source_file", "2024-05-03_essex.csv", "status", "QUARANTINED",
                                    "quarantine_reason", "UNREADABLE", "sha256", "", "bytes", 0L));
            assertThat(duck.rows("SELECT source_file, reason, value FROM {quarantine} ORDER BY source_file"))
                    .containsExactly(
                            Map.of("source_file", "2024-05-02_kent.csv", "reason", "UNREADABLE",
                                    "value", "a symbolic link: not followed"),
                            Map.of("source_file", "2024-05-03_essex.csv", "reason", "UNREADABLE",
                                    "value", "not a regular file (a pipe, socket or device): not followed"));
            assertThat(duck.scalarLong("SELECT count(*) FROM {clean_offences} WHERE crime_reference = 'S1'")).isZero();
        }
        try (var archived = Files.walk(dir.resolve("wh/raw"))) {
            List<Path> files = archived.filter(Files::isRegularFile).toList();
            assertThat(files).hasSize(1);
            assertThat(Files.readString(files.get(0))).doesNotContain("S1");
        }
        // A rebuild re-plans the entries from the ledger alone, without the archive they never had.
        Cli.Result rebuild = cli().run("rebuild", "--warehouse", dir.resolve("wh").toString(), "--run-date",
                "2024-12-31");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(ExitStatus.QUARANTINED);
    }

    @Test
    void rebuildAppliesANewAliasToEverythingIngestedBefore() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-05-01_kent.csv", RECORD_HEADER, "Kent,K1,2023-04-03,86/2,Snapperchat",
                "Kent,K2,2023-04-04,86/2,Snapperchat", "Kent,K3,2023-04-05,86/2,Snapchat");
        Path wh = dir.resolve("wh");
        assertThat(run(inbox.root(), wh).status()).isEqualTo(ExitStatus.SUCCESS);
        try (Duck duck = new Duck(wh)) {
            assertThat(duck.longsByKey("SELECT raw_value, occurrences FROM {unmapped_platforms}"))
                    .containsExactlyEntriesOf(Map.of("Snapperchat", 2L));
        }
        Path reference = dir.resolve("reference");
        Files.createDirectories(reference);
        String aliases = new String(getClass().getResourceAsStream("/reference/platform-aliases.csv").readAllBytes());
        Files.writeString(reference.resolve("platform-aliases.csv"), aliases.stripTrailing() + "\nSnapperchat,Snapchat\n");
        Files.delete(inbox.root().resolve("2024-05-01_kent.csv")); // rebuild must not need the inbox

        Cli.Result rebuild = cli().run("rebuild", "--warehouse", wh.toString(), "--run-date", "2024-12-31",
                "--reference", reference.toString());

        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(ExitStatus.SUCCESS);
        try (Duck duck = new Duck(wh)) {
            assertThat(duck.scalarLong("SELECT count(*) FROM {unmapped_platforms}")).isZero();
            assertThat(duck.longsByKey("SELECT platform, offences FROM {offences_by_platform}"))
                    .containsExactlyEntriesOf(Map.of("Snapchat", 3L));
        }
    }

    @Test
    void aFailedRunDamagesNothingPublishedAndRestartsToTheSameTablesAsACleanRun() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Path wh = dir.resolve("wh");
        assertThat(run(inbox.root(), wh).status()).isEqualTo(ExitStatus.SUCCESS);
        copyTree(wh, dir.resolve("wh-before"));

        inbox.file("2024-06-01_kent_correction.csv", RECORD_HEADER, "Kent,K9,2023-05-20,86/2,WhatsApp");
        assertThat(new Cli(dir.resolve("clean")).run("run", "--inbox", inbox.root().toString(), "--warehouse",
                dir.resolve("wh-clean").toString(), "--run-date", "2024-12-31").status()).isEqualTo(ExitStatus.SUCCESS);
        // A warehouse that cannot be written where publishing needs to: the run fails in the publish step.
        Files.deleteIfExists(wh.resolve("_staging"));
        Files.writeString(wh.resolve("_staging"), "a file where the publish step needs a folder");
        Cli.Result failed = run(inbox.root(), wh);

        assertThat(failed.status()).as(failed.toString()).isEqualTo(ExitStatus.FAILED);
        assertThat(failed.err()).contains("restart --execution").contains("_staging");
        assertThat(failed.err().lines().filter(l -> l.contains("\tat ")).count()).isZero();
        assertThat(WarehouseComparison.differences(dir.resolve("wh-before"), wh)).as("published tables untouched")
                .isEmpty();
        assertThat(cli().run("status").out().lines().skip(1).findFirst().orElseThrow()).contains("FAILED")
                .endsWith(" 1");

        Files.delete(wh.resolve("_staging"));
        Cli.Result restarted = cli().run("restart");

        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-clean"), wh)).isEmpty();
        assertThat(cli().run("status").out()).contains("COMPLETED");
    }

    @Test
    void aRunThatQuarantinesAFileExitsWithThree() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Files.write(inbox.root().resolve("2024-05-03_empty.csv"), new byte[0]);
        Files.writeString(inbox.root().resolve("2024-05-04_utf16.csv"), RECORD_HEADER + "\nKent,K7,2023-04-03,86/2,\n",
                java.nio.charset.StandardCharsets.UTF_16LE);
        Files.write(inbox.root().resolve("2024-05-05_broken.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

        Cli.Result result = run(inbox.root(), dir.resolve("wh"));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(result.out()).contains("3 file(s) quarantined");
        assertThat(cli().run("status").out().lines().skip(1).findFirst().orElseThrow()).contains("COMPLETED")
                .endsWith(" 3");
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.rows("SELECT source_file, line, reason, value FROM {quarantine} ORDER BY source_file"))
                    .containsExactly(
                            Map.of("source_file", "2024-05-03_empty.csv", "line", 0L, "reason", "UNREADABLE",
                                    "value", "empty file (0 bytes)"),
                            Map.of("source_file", "2024-05-04_utf16.csv", "line", 0L, "reason", "UNREADABLE",
                                    "value", "not text: it contains NUL bytes (UTF-16 or binary?)"),
                            Map.of("source_file", "2024-05-05_broken.csv.gz", "line", 0L, "reason", "UNREADABLE",
                                    "value", "not a readable gzip stream"));
            assertThat(duck.scalarLong("SELECT sum(offences) FROM {clean_offences}")).isEqualTo(5);
        }
    }

    /**
     * Issue 12 through the whole job: a UTF-8 BOM before Windows-1252 bytes (plain and gzipped) is dropped before the
     * encoding is decided; preamble lines and ignored columns reach file_inventory; quoted values are trimmed of
     * line breaks; and encoding is null exactly for bytes that were never decoded, as schemas/file_inventory.md says.
     */
    @Test
    void encodingsPreambleIgnoredColumnsAndTrimmedQuotedValuesReachTheTables() throws Exception {
        Path root = dir.resolve("inbox");
        MessyReturns.encodingsAndUnreadableFiles(root);

        Cli.Result result = run(root, dir.resolve("wh"));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.QUARANTINED);
        try (Duck duck = new Duck(dir.resolve("wh"))) {
            assertThat(duck.rows("SELECT source_file, status, encoding, preamble_lines, ignored_columns, rows_read "
                    + "FROM {file_inventory} ORDER BY source_file")).containsExactly(
                    row("2024-05-01_kent.csv", "LOADED", "windows-1252", 0L, "", 1L),
                    row("2024-05-02_essex.csv.gz", "LOADED", "windows-1252", 0L, "", 1L),
                    row("2024-05-03_surrey.csv", "LOADED", "UTF-8", 2L, "BCU|No. of Victims", 2L),
                    row("2024-05-04_empty.csv", "QUARANTINED", null, 0L, null, 0L),
                    row("2024-05-05_empty_again.csv", "DUPLICATE", null, 0L, null, 0L),
                    row("2024-05-06_utf16.csv", "QUARANTINED", null, 0L, null, 0L),
                    row("2024-05-07_broken.csv.gz", "QUARANTINED", null, 0L, null, 0L));
            assertThat(duck.rows("SELECT source_file, source_line, force_name, platform, platform_raw "
                    + "FROM {clean_offences} ORDER BY source_file, source_line")).containsExactly(
                    Map.of("source_file", "2024-05-01_kent.csv", "source_line", 2L, "force_name", "Kent",
                            "platform", "Unrecognised", "platform_raw", "Café"),
                    Map.of("source_file", "2024-05-02_essex.csv.gz", "source_line", 2L, "force_name", "Essex",
                            "platform", "Unrecognised", "platform_raw", "Café"),
                    Map.of("source_file", "2024-05-03_surrey.csv", "source_line", 5L, "force_name", "Surrey",
                            "platform", "Snapchat", "platform_raw", "Snapchat"),
                    Map.of("source_file", "2024-05-03_surrey.csv", "source_line", 7L, "force_name", "Surrey",
                            "platform", "Instagram", "platform_raw", "Instagram"));
        }
    }

    private static Map<String, Object> row(String file, String status, String encoding, long preamble, String ignored,
                                           long rowsRead) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("source_file", file);
        m.put("status", status);
        m.put("encoding", encoding);
        m.put("preamble_lines", preamble);
        m.put("ignored_columns", ignored);
        m.put("rows_read", rowsRead);
        return m;
    }

    @Test
    void everyRunWritesAManifestAndEverySummaryRowTracesBackToItsSourceLines() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Path wh = dir.resolve("wh");
        Cli.Result result = run(inbox.root(), wh);
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitStatus.SUCCESS);

        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wh.resolve("manifest.json").toFile());
        String runId = manifest.get("run_id").asText();
        assertThat(wh.resolve("_manifests/" + runId + ".json")).exists();
        assertThat(manifest.get("run_date").asText()).isEqualTo("2024-12-31");
        assertThat(manifest.get("settings").get("scope").toString()).contains("86/2");
        var input = manifest.get("inputs").get(0);
        assertThat(input.get("source_file").asText()).isEqualTo("2024-05-01_kent.csv");
        assertThat(input.get("sha256").asText()).hasSize(64);
        assertThat(input.get("rows_read").asLong()).isEqualTo(5);
        try (Duck duck = new Duck(wh)) {
            for (var table : manifest.get("tables")) {
                assertThat(table.get("rows").asLong()).as(table.get("name").asText())
                        .isEqualTo(duck.scalarLong("SELECT count(*) FROM {" + table.get("name").asText() + "}"));
            }
            // offences_by_force -> clean_offences -> the source lines that produced it
            List<Map<String, Object>> lines = duck.rows("SELECT c.source_file, c.source_line FROM {offences_by_force} f "
                    + "JOIN {clean_offences} c USING (financial_year, financial_quarter, force_code, offence_code) "
                    + "WHERE f.offence_code = '86/2' ORDER BY c.source_line");
            assertThat(lines).extracting(m -> m.get("source_line")).containsExactly(2L, 4L, 5L);
            List<String> raw = Files.readAllLines(inbox.root().resolve("2024-05-01_kent.csv"));
            assertThat(raw.get(1)).contains("K1,2023-04-03,86/2");
            assertThat(raw.get(3)).contains("K3,2023-05-01,86/2");
        }

        Cli.Result nothingNew = run(inbox.root(), wh);
        var second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wh.resolve("manifest.json").toFile());
        assertThat(second.get("run_id").asText()).isNotEqualTo(runId);
        assertThat(second.get("tables_republished").asBoolean()).isFalse();
        assertThat(second.get("tables").get(0).get("rows").asLong()).isEqualTo(5);
        assertThat(nothingNew.status()).isEqualTo(ExitStatus.SUCCESS);
    }

    @Test
    void smallForceLevelCountsAreSuppressedOnlyWhenAsked() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        inbox.file("2024-06-02_gwent.csv", "PFA,Month,HO Code,Number of Offences", "Gwent,2023-05,86/2,7");

        assertThat(run(inbox.root(), dir.resolve("open")).status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(run(inbox.root(), dir.resolve("protected"), "--min-cell-size", "5").status())
                .isEqualTo(ExitStatus.SUCCESS);

        try (Duck open = new Duck(dir.resolve("open")); Duck safe = new Duck(dir.resolve("protected"))) {
            String byForce = "SELECT force_name || ' ' || offence_code, coalesce(offences, -1) FROM {offences_by_force}";
            assertThat(open.longsByKey(byForce)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("Kent 86/2", 3L, "Kent 86/10", 1L, "Kent 86/15", 1L, "Gwent 86/2", 7L));
            assertThat(safe.longsByKey(byForce)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("Kent 86/2", -1L, "Kent 86/10", -1L, "Kent 86/15", -1L, "Gwent 86/2", 7L));
            assertThat(safe.scalarLong("SELECT count(*) FROM {offences_by_force} WHERE suppressed")).isEqualTo(3);
            assertThat(open.scalarLong("SELECT count(*) FROM {offences_by_force} WHERE suppressed")).isZero();
            assertThat(safe.scalarLong("SELECT count(*) FROM {offences_by_force_platform} WHERE offences IS NOT NULL"))
                    .isZero();
            // National figures stay exact.
            assertThat(safe.scalarLong("SELECT offences FROM {national_summary}")).isEqualTo(12);
            assertThat(safe.longsByKey("SELECT platform, offences FROM {offences_by_platform}"))
                    .isEqualTo(open.longsByKey("SELECT platform, offences FROM {offences_by_platform}"));
        }
    }

    /**
     * The lease of a live holder (its generation rewritten every 100 ms) refuses the run; once the heartbeat stops
     * (the holder died, on whatever host, as whatever process id) the next run takes over within the lease.
     */
    @Test
    void aLeaseRenewedByALiveHolderRefusesTheRunAndOneNoLongerRenewedIsTakenOver() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Path wh = dir.resolve("wh");
        Path lease = wh.resolve("_state/lock/7");
        Files.createDirectories(lease.getParent());
        java.util.concurrent.atomic.AtomicBoolean alive = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread heartbeat = new Thread(() -> {
            for (int beat = 0; alive.get(); beat++) {
                try {
                    Files.writeString(lease, "run=r-other\nprocess=1\nhost=pod-a\nheartbeat=" + beat + "\n");
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        });
        heartbeat.start();
        try {
            Cli.Result refused = run(inbox.root(), wh, "--lock-lease", "2");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitStatus.BUSY);
            assertThat(refused.err()).contains("is in use by run r-other (process 1 on pod-a");
            assertThat(wh.resolve("clean_offences")).doesNotExist();
        } finally {
            alive.set(false);
            heartbeat.join();
        }

        long start = System.nanoTime();
        Cli.Result taken = run(inbox.root(), wh, "--lock-lease", "2");

        assertThat(taken.status()).as(taken.toString()).isEqualTo(ExitStatus.SUCCESS);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        assertThat(lease).doesNotExist();
        assertThat(wh.resolve("_state/lock/8")).content().contains("released=true");
    }

    @Test
    void theLockFileOfAnEarlierVersionRefusesTheRunAndSaysHowToClearIt() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        kentAprilMay(inbox);
        Path wh = dir.resolve("wh");
        Files.createDirectories(wh.resolve("_state"));
        Files.writeString(wh.resolve("_state/lock"), "old-host\n4242\nr-old\n");

        Cli.Result refused = run(inbox.root(), wh);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitStatus.BUSY);
        assertThat(refused.err()).contains("is in use by run r-old (process 4242 on old-host; the lock file of an "
                + "earlier version: delete ");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
