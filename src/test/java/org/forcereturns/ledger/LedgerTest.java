package org.forcereturns.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.EMAIL;
import static org.forcereturns.testing.Canonical.KENT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** A ledger written before tallies existed: the content was ingested, but only rows.parquet was kept. */
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
}
