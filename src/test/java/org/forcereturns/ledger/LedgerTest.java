package org.forcereturns.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.EMAIL;
import static org.forcereturns.testing.Canonical.KENT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.ingest.FileOutcome;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final String SHA = "0f".repeat(32);

    @TempDir
    Path dir;

    private Ledger ledger() {
        Storage storage = Storage.local();
        return new Ledger(storage, storage.resolve(dir.resolve("wh").toString()));
    }

    @Test
    void talliesAreKeptPerContentUnderState() throws IOException {
        Ledger ledger = ledger();
        List<OffenceTally> tallies = List.of(new OffenceTally(KENT,
                FinancialPeriod.ofQuarter(new FinancialYear(2023), 2), OffenceCode.of("86/2"),
                List.of(EMAIL), null, 4, 9, 0));

        ledger.writeTallies(SHA, tallies);

        assertThat(dir.resolve("wh/_state/files/" + SHA + "/tallies.bin")).isNotEmptyFile();
        assertThat(ledger.tallies(SHA)).isEqualTo(tallies);
        assertThat(ledger.tallies(SHA).get(0).period().month()).isNull();
    }

    /** A damaged ledger: the content's outcome is committed, but its tallies are gone. */
    @Test
    void contentWithoutTalliesAsksForARebuild() throws IOException {
        Ledger ledger = ledger();
        Files.createDirectories(dir.resolve("wh/_state/files/" + SHA));
        Files.writeString(dir.resolve("wh/_state/files/" + SHA + "/rows.parquet"), "old");

        assertThatThrownBy(() -> ledger.tallies(SHA))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(SHA)
                .hasMessageContaining("run `rebuild`");
    }

    @Test
    void anOutcomeKeepsItsPreambleLinesAndIgnoredColumnsAndAnOlderRecordStillLoads() throws IOException {
        FileOutcome outcome = new FileOutcome(org.forcereturns.ingest.Layout.RECORD, 3, 2, 1, 0,
                Map.of(RejectReason.BAD_DATE, 1L), Map.of(), null, new java.util.TreeMap<>(), 2,
                List.of("BCU", "a|b = c", "Notes"));
        Ledger ledger = ledger();
        ledger.commitIngested(new IngestedFile(SHA, "2024-05-01_kent.csv", "r1", outcome));

        FileOutcome read = ledger.ingested(SHA).orElseThrow().outcome();
        assertThat(read.preambleLines()).isEqualTo(2);
        assertThat(read.ignoredColumns()).containsExactly("BCU", "a|b = c", "Notes");
        assertThat(IngestedFile.fromProperties(new IngestedFile(SHA, "2024-05-01_kent.csv", "r1", outcome.withHeader(0, List.of()))
                .toProperties()).outcome().ignoredColumns()).as("known to be none").isEmpty();

        // As recorded before preamble lines and ignored columns were: 0 (such files had none), and not known.
        java.util.Properties old = new IngestedFile(SHA, "2024-05-01_kent.csv", "r1", outcome).toProperties();
        old.stringPropertyNames().stream().filter(k -> k.startsWith("preamble_lines") || k.startsWith("ignored_columns"))
                .forEach(old::remove);
        FileOutcome older = IngestedFile.fromProperties(old).outcome();
        assertThat(older.preambleLines()).isZero();
        assertThat(older.ignoredColumns()).isNull();
        assertThat(older.withHeader(0, null)).isEqualTo(outcome.withHeader(0, null));
    }

    private static DeliveryRecord delivery(String file, String sha) {
        return delivered(file, sha, Instant.parse("2024-05-01T02:30:00Z"));
    }

    private static DeliveryRecord delivered(String file, String sha, Instant at) {
        return new DeliveryRecord(file, sha, 120, false, "UTF-8", "r1", at, null, 120, 1_714_530_600_000L, null);
    }

    private static IngestedFile outcome(String sha, String runId) {
        return new IngestedFile(sha, "2024-05-01_kent.csv", runId,
                FileOutcome.quarantinedWhole(null, RejectReason.UNREADABLE));
    }

    private Path deliveryFile(DeliveryRecord d) {
        return dir.resolve("wh/_state/deliveries/" + d.id() + ".properties");
    }

    /**
     * After one run has read the records (and saved the index), the next reads unchanged records from the index:
     * proven by swapping a record's bytes behind the index's back while keeping its length and time.
     */
    @Test
    void anUnchangedRecordIsServedFromTheIndexAndAChangedOneFromItsFile() throws IOException {
        String other = "1a".repeat(32);
        DeliveryRecord kent = delivery("2024-05-01_kent.csv", SHA);
        DeliveryRecord essex = delivery("2024-05-02_essex.csv", other);
        Ledger first = ledger();
        first.recordDelivery(kent);
        first.recordDelivery(essex);
        first.commitIngested(outcome(SHA, "r1"));
        first.commitIngested(outcome(other, "r1"));
        List<DeliveryRecord> read = first.deliveries();
        assertThat(first.ingestedFiles(read)).containsOnlyKeys(SHA, other);
        first.saveIndex();
        assertThat(dir.resolve("wh/_state/ledger.index")).isNotEmptyFile();

        // Same length and modification time, other bytes: only a reader that trusts the index still sees "r1".
        Path kentFile = deliveryFile(kent);
        String original = Files.readString(kentFile);
        FileTime time = Files.getLastModifiedTime(kentFile);
        Files.writeString(kentFile, original.replace("run_id=r1", "run_id=r9"));
        Files.setLastModifiedTime(kentFile, time);
        // A record really rewritten (new time) is read again.
        Path essexFile = deliveryFile(essex);
        Files.writeString(essexFile, Files.readString(essexFile).replace("run_id=r1", "run_id=r7"));
        Files.setLastModifiedTime(essexFile, FileTime.fromMillis(time.toMillis() + 5_000));

        Map<String, String> runs = ledger().deliveries().stream()
                .collect(Collectors.toMap(DeliveryRecord::sourceFile, DeliveryRecord::runId));

        assertThat(runs).containsExactlyInAnyOrderEntriesOf(
                Map.of("2024-05-01_kent.csv", "r1", "2024-05-02_essex.csv", "r7"));
    }

    @Test
    void aDamagedIndexIsIgnored() throws IOException {
        Ledger first = ledger();
        first.recordDelivery(delivery("2024-05-01_kent.csv", SHA));
        first.commitIngested(outcome(SHA, "r1"));
        first.ingestedFiles(first.deliveries());
        first.saveIndex();
        Path index = dir.resolve("wh/_state/ledger.index");
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Ledger next = ledger();
        List<DeliveryRecord> read = next.deliveries();

        assertThat(read).extracting(DeliveryRecord::sourceFile).containsExactly("2024-05-01_kent.csv");
        assertThat(next.ingestedFiles(read).get(SHA).runId()).isEqualTo("r1");
    }

    /** Outcomes are listed once, not looked up one by one; a rebuild forgets them all. */
    @Test
    void committedContentsComeFromOneListingAndARebuildForgetsThem() throws IOException {
        Ledger ledger = ledger();
        ledger.commitIngested(outcome(SHA, "r1"));
        ledger.commitIngested(outcome("1a".repeat(32), "r1"));

        assertThat(ledger.committed()).containsOnlyKeys(SHA, "1a".repeat(32));
        assertThat(ledger.committed().get(SHA).sourceFile()).isEqualTo("2024-05-01_kent.csv");
        ledger.forgetIngestedFiles();
        assertThat(ledger.committed()).isEmpty();
        assertThat(ledger.ingested(SHA)).isEmpty();
    }

    /**
     * Contract section 5: the first delivery of some bytes in path order counts, whichever night it arrived. The
     * copy with the earlier path, recorded last, is the one that counts; the stored order of arrival is not used.
     */
    @Test
    void theFirstDeliveryOfTheSameBytesIsTheFirstInPathOrderWhicheverArrivedFirst() throws IOException {
        Ledger ledger = ledger();
        ledger.recordDelivery(delivered("2024-06-01_kent.csv", SHA, Instant.parse("2024-06-01T02:00:00Z")));
        ledger.recordDelivery(delivered("2024-05-15_kent.csv", "1a".repeat(32), Instant.parse("2024-06-01T02:00:00Z")));
        ledger.recordDelivery(delivered("2024-05-01_kent_copy.csv", SHA, Instant.parse("2024-06-02T02:00:00Z")));

        List<DeliveryRecord> read = ledger.deliveries();

        assertThat(read).extracting(DeliveryRecord::sourceFile)
                .containsExactly("2024-05-01_kent_copy.csv", "2024-05-15_kent.csv", "2024-06-01_kent.csv");
        assertThat(read).extracting(DeliveryRecord::duplicateOf)
                .containsExactly(null, null, "2024-05-01_kent_copy.csv");
    }

    /** An inbox entry that was not a regular file keeps why, and publishes no content hash: nothing was read. */
    @Test
    void anEntryThatWasNotARegularFileIsRememberedAsSuch() throws IOException {
        Ledger ledger = ledger();
        ledger.recordDelivery(new DeliveryRecord("2024-05-01_kent.csv", SHA, 0, false, null, "r1",
                Instant.parse("2024-05-01T02:30:00Z"), null, 0, 1L, "a symbolic link"));

        DeliveryRecord read = ledger.deliveries().get(0);

        assertThat(read.notRegular()).isEqualTo("a symbolic link");
        assertThat(read.contentSha256()).isNull();
        assertThat(delivery("2024-05-01_kent.csv", SHA).contentSha256()).isEqualTo(SHA);
    }
}
