package org.forcereturns.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.testing.Canonical.EMAIL;
import static org.forcereturns.testing.Canonical.ESSEX;
import static org.forcereturns.testing.Canonical.GWENT;
import static org.forcereturns.testing.Canonical.INSTAGRAM;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.OTHER;
import static org.forcereturns.testing.Canonical.SNAPCHAT;
import static org.forcereturns.testing.Canonical.WHATSAPP;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.junit.jupiter.api.Test;

/** Publishing folds each file's tallies instead of its rows: the summaries must not tell the difference. */
class OffenceTalliesTest {


    private static Arbitrary<FinancialPeriod> periods() {
        Arbitrary<FinancialYear> years = Arbitraries.of(new FinancialYear(2022), new FinancialYear(2023));
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 23).map(m -> FinancialPeriod.ofMonth(YearMonth.of(2022, 4).plusMonths(m))),
                Combinators.combine(years, Arbitraries.integers().between(1, 4)).as(FinancialPeriod::ofQuarter),
                years.map(FinancialPeriod::ofYear));
    }

    private static Arbitrary<CleanOffence> rows() {
        // Forces and platforms are canonical (one name per code, one owner per platform), as the normalisers give.
        Arbitrary<Force> forces = Arbitraries.of(KENT, GWENT, ESSEX);
        Arbitrary<OffenceCode> codes = Arbitraries.of("86/2", "86/10", "86/15").map(OffenceCode::of);
        Arbitrary<List<Platform>> platforms = Arbitraries
                .of(SNAPCHAT, INSTAGRAM, WHATSAPP, EMAIL, OTHER, Platform.UNRECOGNISED).list().ofMaxSize(3);
        Arbitrary<String> raw = Arbitraries.of("Carrier pigeon", "carrier pigeon", "Bebo", "Snapchat", "Not recorded")
                .injectNull(0.3);
        Arbitrary<Long> offences = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(5, Arbitraries.longs().between(0, 40).map(Long::valueOf)));
        return Combinators.combine(forces, periods(), codes, platforms, raw, offences, Arbitraries.longs().between(2, 999))
                .as((force, period, code, named, platformRaw, count, line) -> new CleanOffence(force, null,
                        null, period, code, named, platformRaw, count, count == null, line));
    }

    /** Several delivered files, in delivery order. */
    @Provide
    Arbitrary<List<List<CleanOffence>>> files() {
        return rows().list().ofMaxSize(30).list().ofMaxSize(4);
    }

    @Property(tries = 500)
    void summariesOfTalliesEqualSummariesOfRows(@ForAll("files") List<List<CleanOffence>> files) {
        Summaries byRow = new Summaries(java.time.LocalDate.of(2026, 12, 1));
        Summaries byTally = new Summaries(java.time.LocalDate.of(2026, 12, 1));
        for (List<CleanOffence> file : files) {
            OffenceTallies tallies = new OffenceTallies();
            for (CleanOffence row : file) {
                byRow.add(row);
                tallies.add(row);
            }
            tallies.tallies().forEach(byTally::add);
        }

        assertThat(byTally.offencesByForce()).isEqualTo(byRow.offencesByForce());
        assertThat(byTally.offencesByPlatform()).isEqualTo(byRow.offencesByPlatform());
        assertThat(byTally.offencesByOwner()).isEqualTo(byRow.offencesByOwner());
        assertThat(byTally.offencesByCategory()).isEqualTo(byRow.offencesByCategory());
        assertThat(byTally.offencesByForcePlatform()).isEqualTo(byRow.offencesByForcePlatform());
        assertThat(byTally.nationalSummary()).isEqualTo(byRow.nationalSummary());
    }

    @Property(tries = 500)
    void unmappedPlatformsOfTalliesEqualThoseOfRows(@ForAll("files") List<List<CleanOffence>> files) {
        UnmappedPlatforms byRow = new UnmappedPlatforms();
        UnmappedPlatforms byTally = new UnmappedPlatforms();
        for (int i = 0; i < files.size(); i++) {
            String sourceFile = "2024-05-0" + (i + 1) + "_file.csv";
            OffenceTallies tallies = new OffenceTallies();
            for (CleanOffence row : files.get(i)) {
                byRow.add(row, sourceFile);
                tallies.add(row);
            }
            tallies.tallies().forEach(t -> byTally.add(t, sourceFile));
        }

        assertThat(entries(byTally)).isEqualTo(entries(byRow));
    }

    private static List<String> entries(UnmappedPlatforms unmapped) {
        return unmapped.entries().stream()
                .map(e -> e.rawValue() + "|" + e.occurrences() + "|" + e.offences() + "|" + e.firstSourceFile())
                .toList();
    }

    @Test
    void rowsAgreeingOnForcePeriodCodePlatformsAndUnmappedTextAreCountedTogether() {
        FinancialPeriod may = FinancialPeriod.ofMonth(YearMonth.of(2023, 5));
        FinancialPeriod q1 = FinancialPeriod.ofQuarter(new FinancialYear(2023), 1);
        OffenceCode code = OffenceCode.of("86/2");
        OffenceTallies tallies = new OffenceTallies();
        List.of(
                new CleanOffence(KENT, "K1", LocalDate.of(2023, 5, 2), may, code, List.of(SNAPCHAT), "Snapchat", 1L, false, 2),
                new CleanOffence(GWENT, null, null, q1, code, List.of(), null, null, true, 2),
                // another crime reference, date and raw text of a known platform: still the first group
                new CleanOffence(KENT, "K2", LocalDate.of(2023, 5, 9), may, code, List.of(SNAPCHAT), "snap chat", 1L, false, 3),
                new CleanOffence(KENT, null, null, may, code, List.of(Platform.UNRECOGNISED), "Bebo", 4L, false, 4),
                new CleanOffence(GWENT, null, null, q1, code, List.of(), null, 6L, false, 3),
                new CleanOffence(KENT, null, null, may, code, List.of(Platform.UNRECOGNISED), "bebo", 2L, false, 5),
                new CleanOffence(KENT, null, null, may, code, List.of(Platform.UNRECOGNISED), "Bebo", null, true, 6),
                new CleanOffence(KENT, null, null, may, code, List.of(INSTAGRAM, SNAPCHAT), null, 5L, false, 7),
                new CleanOffence(KENT, null, null, may, code, List.of(SNAPCHAT, INSTAGRAM), null, 1L, false, 8),
                new CleanOffence(GWENT, null, null, q1, OffenceCode.of("86/10"), List.of(), null, null, true, 4))
                .forEach(tallies::add);

        assertThat(tallies.tallies()).containsExactly(
                new OffenceTally(KENT, may, code, List.of(SNAPCHAT), null, 2, 2, 0),
                new OffenceTally(GWENT, q1, code, List.of(), null, 2, 6, 1),
                new OffenceTally(KENT, may, code, List.of(Platform.UNRECOGNISED), "Bebo", 2, 4, 1),
                new OffenceTally(KENT, may, code, List.of(Platform.UNRECOGNISED), "bebo", 1, 2, 0),
                new OffenceTally(KENT, may, code, List.of(INSTAGRAM, SNAPCHAT), null, 1, 5, 0),
                new OffenceTally(KENT, may, code, List.of(SNAPCHAT, INSTAGRAM), null, 1, 1, 0),
                new OffenceTally(GWENT, q1, OffenceCode.of("86/10"), List.of(), null, 1, 0, 1));
    }
}
