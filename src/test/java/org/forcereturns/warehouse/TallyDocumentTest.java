package org.forcereturns.warehouse;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.GWENT;
import static org.forcereturns.testing.Canonical.INSTAGRAM;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.OTHER;
import static org.forcereturns.testing.Canonical.SNAPCHAT;
import static org.forcereturns.testing.Canonical.WHATSAPP;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.junit.jupiter.api.Test;

/** A content's tallies go to the ledger as one JSON document and come back as they were counted. */
class TallyDocumentTest {

    @Property(tries = 200)
    void talliesComeBackAsTheyWereWritten(@ForAll("tallies") List<OffenceTally> tallies) {
        assertThat(TallyDocument.read(TallyDocument.write(tallies), "abc")).isEqualTo(tallies);
    }

    @Property(tries = 200)
    void coveredMonthsAreEveryMonthOfEveryTallyByForce(@ForAll("tallies") List<OffenceTally> tallies) {
        Map<String, SortedSet<YearMonth>> covered =
                TallyDocument.readCoveredMonths(TallyDocument.coveredMonths(tallies));
        assertThat(covered.keySet()).containsExactlyInAnyOrderElementsOf(
                tallies.stream().map(t -> t.force().code()).distinct().toList());
        covered.forEach((force, months) -> assertThat(months).isEqualTo(new TreeSet<>(tallies.stream()
                .filter(t -> t.force().code().equals(force)).flatMap(t -> t.period().months().stream()).toList())));
    }

    @Test
    void aTallyIsAnObjectWithTheColumnsNamedAndAbsentValuesLeftOut() {
        OffenceTally tally = new OffenceTally(KENT, FinancialPeriod.ofQuarter(new FinancialYear(2023), 2),
                OffenceCode.of("86/2"), List.of(Platform.UNRECOGNISED), "Carrier pigeon", 3, 7, 1);
        assertThat(TallyDocument.write(List.of(tally))).isEqualTo("[{\"force_code\":\"" + KENT.code()
                + "\",\"force_name\":\"" + KENT.name() + "\",\"first_month\":\"2023-07\",\"months\":3,"
                + "\"offence_code\":\"86/2\",\"platforms\":[{\"name\":\"Unrecognised\"}],"
                + "\"unmapped_raw\":\"Carrier pigeon\",\"rows\":3,\"offences\":7,\"suppressed_cells\":1}]");
        assertThat(TallyDocument.coveredMonths(List.of(tally)))
                .isEqualTo("{\"" + KENT.code() + "\":[\"2023-07\",\"2023-08\",\"2023-09\"]}");
    }

    @Test
    void aContentWithNoAcceptedRowHasAnEmptyDocument() {
        assertThat(TallyDocument.write(List.of())).isEqualTo("[]");
        assertThat(TallyDocument.read("[]", "abc")).isEmpty();
        assertThat(TallyDocument.readCoveredMonths(TallyDocument.coveredMonths(List.of()))).isEmpty();
    }

    @Test
    void aDocumentThatIsNotJsonNamesItsContent() {
        assertThatThrownBy(() -> TallyDocument.read("[{\"force_code\":", "3f2a"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("content 3f2a");
    }

    @Property(tries = 200)
    void aMonthIsReadAsYearMonthWritesIt(@ForAll("months") YearMonth month) throws Exception {
        assertThat(TallyDocument.month(month.toString())).isEqualTo(month);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2023-7", "2023-13", "2023-00", "2023/07", "+023-07", "2023-07-01", "20a3-07"})
    void aMonthNotWrittenAsYearMonthWritesItIsRefused(String text) {
        assertThatThrownBy(() -> TallyDocument.month(text)).isInstanceOf(IOException.class).hasMessageContaining(text);
    }

    @Provide
    Arbitrary<YearMonth> months() {
        return Arbitraries.integers().between(0, 9999 * 12 + 11).map(m -> YearMonth.of(m / 12, m % 12 + 1));
    }

    @Provide
    Arbitrary<List<OffenceTally>> tallies() {
        Arbitrary<Force> forces = Arbitraries.of(KENT, GWENT);
        Arbitrary<FinancialYear> years = Arbitraries.of(new FinancialYear(2022), new FinancialYear(2023));
        Arbitrary<FinancialPeriod> periods = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 23).map(m -> FinancialPeriod.ofMonth(YearMonth.of(2022, 4).plusMonths(m))),
                Combinators.combine(years, Arbitraries.integers().between(1, 4)).as(FinancialPeriod::ofQuarter),
                years.map(FinancialPeriod::ofYear));
        Arbitrary<OffenceCode> codes = Arbitraries.of("86/2", "86/10", "86/15").map(OffenceCode::of);
        Arbitrary<List<Platform>> platforms = Arbitraries
                .of(SNAPCHAT, INSTAGRAM, WHATSAPP, OTHER, Platform.UNRECOGNISED).list().uniqueElements().ofMaxSize(3);
        // Texts as delivered: quotes, backslashes, control characters and non-Latin letters survive the document.
        Arbitrary<String> raw = Arbitraries.strings().withCharRange('\u0000', '\u024f').ofMaxLength(20).injectNull(0.4);
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 1_000_000);
        return Combinators.combine(forces, periods, codes, platforms, raw, counts, counts, counts)
                .as(OffenceTally::new).list().ofMaxSize(30);
    }
}
