package org.forcereturns.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.GWENT;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.SNAPCHAT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ledger's tally file: what is written reads back unchanged, and a damaged file is refused by name. */
class TallyFileTest {

    /** Pieces of 1 to 4 UTF-8 bytes, so strings mix ASCII, accents, CJK and characters outside the BMP. */
    private static Arbitrary<String> text(int maxPieces) {
        return Arbitraries.of("a", "Z", "7", " ", "/", ",", "\"", "\n", "\u0000", "é", "ß", "€", "中", "😀")
                .list().ofMaxSize(maxPieces).map(pieces -> String.join("", pieces));
    }

    private static Arbitrary<String> nonBlank() {
        return text(12).map(s -> "x" + s);
    }

    /** Over 65535 bytes: more than a DataOutputStream.writeUTF length can say. */
    private static Arbitrary<String> long_() {
        return Combinators.combine(Arbitraries.integers().between(21_846, 30_000), text(6))
                .as((n, tail) -> "€".repeat(n) + tail);
    }

    private static Arbitrary<FinancialPeriod> periods() {
        Arbitrary<FinancialYear> years = Arbitraries.integers().between(1990, 2040).map(FinancialYear::new);
        Arbitrary<FinancialPeriod> months = Arbitraries.integers().between(1990, 2040)
                .flatMap(y -> Arbitraries.integers().between(1, 12).map(m -> FinancialPeriod.ofMonth(YearMonth.of(y, m))));
        Arbitrary<FinancialPeriod> quarters = Combinators.combine(years, Arbitraries.integers().between(1, 4))
                .as(FinancialPeriod::ofQuarter);
        return Arbitraries.oneOf(months, quarters, years.map(FinancialPeriod::ofYear));
    }

    private static Arbitrary<Platform> platforms() {
        Arbitrary<String> optional = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(2, nonBlank()));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Platform.UNRECOGNISED)),
                Tuple.of(4, Combinators.combine(nonBlank(), optional, optional).as(Platform::new)));
    }

    @Provide
    Arbitrary<List<OffenceTally>> tallies() {
        Arbitrary<Force> forces = Arbitraries.oneOf(
                Arbitraries.of(KENT, GWENT),
                Combinators.combine(nonBlank(), nonBlank()).as(Force::new));
        Arbitrary<OffenceCode> codes = Arbitraries.oneOf(Arbitraries.of("86/2", "86/10", "8L/1").map(OffenceCode::of),
                Combinators.combine(nonBlank().filter(s -> !s.contains("/")), nonBlank()).as(OffenceCode::new));
        Arbitrary<String> unmapped = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)),
                Tuple.of(3, text(20)), Tuple.of(1, long_()));
        Arbitrary<Long> counts = Arbitraries.oneOf(Arbitraries.longs().between(0, 1000), Arbitraries.longs());
        Arbitrary<OffenceTally> tally = Combinators.combine(forces, periods(), codes, platforms().list().ofMaxSize(4),
                        unmapped, counts, counts, counts)
                .as(OffenceTally::new);
        return tally.list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void readsBackWhatItWrote(@ForAll("tallies") List<OffenceTally> tallies) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TallyFile.write(tallies, bytes);

        assertThat(TallyFile.read(new ByteArrayInputStream(bytes.toByteArray()), "t.bin"))
                .containsExactlyElementsOf(tallies);
    }

    // Damaged files are read through the ledger, so the name must be the file's real path.

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private Ledger ledger;
    private Path file;

    private byte[] writeSample() throws IOException {
        Storage storage = Storage.local();
        ledger = new Ledger(storage, storage.resolve(dir.resolve("wh").toString()));
        ledger.writeTallies(SHA, List.of(
                new OffenceTally(KENT, FinancialPeriod.ofMonth(YearMonth.of(2023, 5)), OffenceCode.of("86/2"),
                        List.of(SNAPCHAT), null, 3, 7, 1),
                new OffenceTally(GWENT, FinancialPeriod.ofYear(new FinancialYear(2022)),
                        OffenceCode.of("86/10"), List.of(Platform.UNRECOGNISED), "pigeon", 1, 2, 0)));
        file = dir.resolve("wh/_state/files/" + SHA + "/tallies.bin");
        assertThat(file).exists();
        assertThat(ledger.tallies(SHA)).hasSize(2);
        return Files.readAllBytes(file);
    }

    private void assertRefusedByName() {
        assertThatThrownBy(() -> ledger.tallies(SHA))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aFileWithAnotherMagicWordIsRefusedByName() throws IOException {
        byte[] bytes = writeSample();
        bytes[3] = '2';
        Files.write(file, bytes);

        assertRefusedByName();
    }

    @Test
    void aFileOfOtherTextIsRefusedByName() throws IOException {
        writeSample();
        Files.writeString(file, "source_file=x.csv\n", StandardCharsets.UTF_8);

        assertRefusedByName();
    }

    @Test
    void aFileWithBytesAfterItsLastTallyIsRefusedByName() throws IOException {
        byte[] bytes = writeSample();
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 1));

        assertRefusedByName();
    }

    /** {@code keep} bytes of the file; a negative number keeps all but that many. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(textBlock = """
            empty file,                 0
            inside the magic word,      2
            inside the count,           6
            inside a string's length,   10
            inside a string,            14
            inside the last count,      -4
            one byte short,             -1
            """)
    void aTruncatedFileIsRefusedByName(String where, int keep) throws IOException {
        byte[] bytes = writeSample();
        Files.write(file, Arrays.copyOf(bytes, keep < 0 ? bytes.length + keep : keep));

        assertRefusedByName();
    }

    @Test
    void aFileCutBetweenTalliesIsRefusedByName() throws IOException {
        byte[] bytes = writeSample();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        TallyFile.write(ledger.tallies(SHA).subList(0, 1), first);
        Files.write(file, Arrays.copyOf(bytes, first.size()));

        assertRefusedByName();
    }

    /** The period's parts are checked by FinancialPeriod, whose IllegalArgumentException must still name the file. */
    @Test
    void aFileWithAnImpossiblePeriodIsRefusedByName() throws IOException {
        byte[] bytes = writeSample();
        // magic, count, "E23000032", "Kent", year: then the first month and the month count of the first tally
        int monthCount = 4 + 4 + (4 + 9) + (4 + 4) + 4 + 1;
        assertThat(bytes[monthCount - 1]).isEqualTo((byte) 5);
        assertThat(bytes[monthCount]).isEqualTo((byte) 1);
        bytes[monthCount] = 2;
        Files.write(file, bytes);

        assertRefusedByName();
    }
}
