package org.forcereturns.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.EMAIL;
import static org.forcereturns.testing.Canonical.KENT;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Layout;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger in the JobRepository's database (H2 here; PostgreSQL in the end-to-end tests). */
class LedgerTest {

    private static final String SHA = "0f".repeat(32);
    private static final String OTHER = "1a".repeat(32);

    @TempDir
    Path dir;

    private final LedgerDatabase db = LedgerDatabase.h2();

    @AfterEach
    void close() {
        db.close();
    }

    private Ledger ledger(String warehouse) {
        Storage storage = Storage.local();
        return new Ledger(storage, storage.resolve(dir.resolve(warehouse).toString()), db.dataSource(), "BATCH_");
    }

    private Ledger ledger() {
        return ledger("wh");
    }

    private static DeliveryRecord delivered(String file, String sha, Instant at) {
        return new DeliveryRecord(file, sha, 120, false, "UTF-8", "r1", at, null, 120, 1_714_530_600_000L, null);
    }

    private static DeliveryRecord delivery(String file, String sha) {
        return delivered(file, sha, Instant.parse("2024-05-01T02:30:00Z"));
    }

    private static final OffenceTally TALLY = new OffenceTally(KENT,
            FinancialPeriod.ofQuarter(new FinancialYear(2023), 2), OffenceCode.of("86/2"),
            List.of(EMAIL, Platform.UNRECOGNISED), "pigeon", 4, 9, 1);

    private static FileOutcome loaded() {
        return new FileOutcome(Layout.COUNT, 7, 4, 2, 1, Map.of(), Map.of(), null, new TreeMap<>(), 2,
                List.of("BCU", "a|b = c"));
    }

    @Test
    void aContentCountsAsIngestedOnlyOnceItsStepCompleted() {
        Ledger ledger = ledger();
        long step = db.stepExecution("STARTED", 7, 4, 2, 1);
        ledger.commit(new IngestedFile(SHA, "2024-05-01_kent.csv", "r1", loaded()), step, List.of(TALLY),
                delivery("2024-05-01_kent.csv", SHA));

        assertThat(ledger.committed()).isEmpty();
        db.complete(step);
        IngestedFile read = ledger.committed().get(SHA);

        assertThat(read.sourceFile()).isEqualTo("2024-05-01_kent.csv");
        FileOutcome o = read.outcome();
        // The counts are Spring Batch's: read, written, skipped in processing, filtered.
        assertThat(List.of(o.rowsRead(), o.rowsAccepted(), o.rowsRejected(), o.rowsSkipped()))
                .containsExactly(7L, 4L, 2L, 1L);
        assertThat(o.layout()).isEqualTo(Layout.COUNT);
        assertThat(o.preambleLines()).isEqualTo(2);
        assertThat(o.ignoredColumns()).containsExactly("BCU", "a|b = c");
        assertThat(o.coveredMonths()).containsOnlyKeys(KENT.code());
        assertThat(o.coveredMonths().get(KENT.code()))
                .containsExactly(YearMonth.of(2023, 7), YearMonth.of(2023, 8), YearMonth.of(2023, 9));
        assertThat(ledger.tallies()).containsExactly(Map.entry(SHA, List.of(TALLY)));
        assertThat(ledger.deliveries()).containsExactly(delivery("2024-05-01_kent.csv", SHA));
    }

    @Test
    void aQuarantinedContentKeepsItsReasonAndHasNoTallies() {
        Ledger ledger = ledger();
        long step = db.stepExecution("COMPLETED", 0, 0, 0, 0);
        ledger.commit(new IngestedFile(SHA, "a.csv", "r1", FileOutcome.quarantinedWhole(null,
                RejectReason.UNREADABLE)), step, List.of(), delivery("a.csv", SHA));

        FileOutcome o = ledger.committed().get(SHA).outcome();

        assertThat(o.quarantine()).isEqualTo(RejectReason.UNREADABLE);
        assertThat(o.ignoredColumns()).as("no header: not known").isNull();
        assertThat(ledger.tallies()).isEmpty();
    }

    @Test
    void committingAgainReplacesAndUncommittingWithdrawsTheContent() {
        Ledger ledger = ledger();
        long first = db.stepExecution("COMPLETED", 7, 4, 2, 1);
        ledger.commit(new IngestedFile(SHA, "b.csv", "r1", loaded()), first, List.of(TALLY, TALLY), null);
        long second = db.stepExecution("COMPLETED", 3, 3, 0, 0);
        ledger.commit(new IngestedFile(SHA, "a.csv", "r2", loaded()), second, List.of(TALLY), null);

        assertThat(ledger.committed().get(SHA).runId()).isEqualTo("r2");
        assertThat(ledger.committed().get(SHA).outcome().rowsRead()).isEqualTo(3);
        assertThat(ledger.tallies().get(SHA)).hasSize(1);
        ledger.uncommit(SHA);
        assertThat(ledger.committed()).isEmpty();
        assertThat(ledger.tallies()).isEmpty();
    }

    /**
     * Contract section 5: the first delivery of some bytes in path order counts, whichever night it arrived. The
     * copy with the earlier path, recorded last, is the one that counts; the order of arrival is not used.
     */
    @Test
    void theFirstDeliveryOfTheSameBytesIsTheFirstInPathOrderWhicheverArrivedFirst() {
        Ledger ledger = ledger();
        ledger.recordDelivery(delivered("2024-06-01_kent.csv", SHA, Instant.parse("2024-06-01T02:00:00Z")));
        ledger.recordDelivery(delivered("2024-05-15_kent.csv", OTHER, Instant.parse("2024-06-01T02:00:00Z")));
        ledger.recordDelivery(delivered("2024-05-01_kent_copy.csv", SHA, Instant.parse("2024-06-02T02:00:00Z")));

        List<DeliveryRecord> read = ledger.deliveries();

        assertThat(read).extracting(DeliveryRecord::sourceFile)
                .containsExactly("2024-05-01_kent_copy.csv", "2024-05-15_kent.csv", "2024-06-01_kent.csv");
        assertThat(read).extracting(DeliveryRecord::duplicateOf)
                .containsExactly(null, null, "2024-05-01_kent_copy.csv");
    }

    /** An inbox entry that was not a regular file keeps why, and publishes no content hash: nothing was read. */
    @Test
    void anEntryThatWasNotARegularFileIsRememberedAsSuch() {
        Ledger ledger = ledger();
        ledger.recordDelivery(new DeliveryRecord("2024-05-01_kent.csv", SHA, 0, false, null, "r1",
                Instant.parse("2024-05-01T02:30:00Z"), null, 0, 1L, "a symbolic link"));

        DeliveryRecord read = ledger.deliveries().get(0);

        assertThat(read.notRegular()).isEqualTo("a symbolic link");
        assertThat(read.contentSha256()).isNull();
        assertThat(delivery("2024-05-01_kent.csv", SHA).contentSha256()).isEqualTo(SHA);
    }

    @Test
    void aDeliveryWithoutACompletedIngestOfItsContentIsNamed() {
        Ledger ledger = ledger();
        ledger.recordDelivery(delivery("2024-05-01_kent.csv", SHA));

        assertThatThrownBy(() -> ledger.ingestedFiles(ledger.deliveries()))
                .isInstanceOf(IOException.class).hasMessageContaining("2024-05-01_kent.csv").hasMessageContaining(SHA);
    }

    /** One database serves several warehouses; each sees only its own records. A rebuild forgets one's contents. */
    @Test
    void warehousesAreKeptApartAndARebuildForgetsOnlyItsOwnContents() throws IOException {
        Ledger kent = ledger("wh-a");
        Ledger essex = ledger("wh-b");
        long step = db.stepExecution("COMPLETED", 7, 4, 2, 1);
        kent.commit(new IngestedFile(SHA, "a.csv", "r1", loaded()), step, List.of(TALLY), delivery("a.csv", SHA));
        essex.commit(new IngestedFile(SHA, "b.csv", "r1", loaded()), step, List.of(TALLY), delivery("b.csv", SHA));

        kent.forgetIngestedFiles();

        assertThat(kent.committed()).isEmpty();
        assertThat(kent.deliveries()).extracting(DeliveryRecord::sourceFile).containsExactly("a.csv");
        assertThat(essex.committed()).containsOnlyKeys(SHA);
        assertThat(essex.deliveries()).extracting(DeliveryRecord::sourceFile).containsExactly("b.csv");
        assertThat(ledger("wh-c").deliveries()).isEmpty();
    }

    @Test
    void theLastPublicationIsRemembered() {
        Ledger ledger = ledger();
        assertThat(ledger.lastPublication()).isEmpty();

        ledger.published(new Ledger.Publication("f1", "r1", Map.of("clean_offences", 12L)));
        ledger.published(new Ledger.Publication("f2", "r2", Map.of("clean_offences", 13L, "quarantine", 0L)));

        assertThat(ledger.lastPublication()).contains(
                new Ledger.Publication("f2", "r2", Map.of("clean_offences", 13L, "quarantine", 0L)));
    }
}
