package org.forcereturns.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forcereturns.aggregate.Summaries.ForcePlatformRow;
import org.forcereturns.aggregate.Summaries.ForceRow;
import org.forcereturns.aggregate.Summaries.GroupRow;
import org.forcereturns.aggregate.Summaries.NationalRow;
import org.forcereturns.aggregate.Summaries.PlatformRow;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.ingest.Returns;
import org.forcereturns.ingest.Returns.Ingested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 7: the summary tables, folded from rows read through the real ingester. */
class SummariesTest {

    private static final FinancialYear FY2022 = new FinancialYear(2022);
    private static final FinancialYear FY2023 = new FinancialYear(2023);
    private static final FinancialYear FY2024 = new FinancialYear(2024);

    private static Summaries summarise(String... lines) {
        Ingested in = Returns.ingest(Returns.csv(lines));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.outcome().rowsRejected()).isZero();
        Summaries s = new Summaries(Returns.RUN_DATE);
        in.accepted().forEach(s::add);
        return s;
    }

    /** Six offences of 2023/24 Q1, four with a platform recorded. */
    private static Summaries sixOffences() {
        return summarise(Returns.RECORD,
                "Kent,CR1,2023-05-02,86/2,Snapchat / Instagram",
                "Kent,CR2,2023-05-03,86/2,Instagram and Facebook",
                "Kent,CR3,2023-05-04,86/2,Not recorded",
                "Essex,CR4,2023-05-05,86/2,Snapchat",
                "Essex,CR5,2023-05-06,86/2,",
                "Kent,CR6,2023-05-07,86/2,WhatsApp");
    }

    @Test
    void platformTableCountsEachPlatformNamedAndSharesUseThePlatformRecordedDivisor() {
        assertThat(sixOffences().offencesByPlatform()).containsExactly(
                new PlatformRow(FY2023, "Facebook", "Meta", "social media", 1, 0.25),
                new PlatformRow(FY2023, "Instagram", "Meta", "social media", 2, 0.5),
                new PlatformRow(FY2023, "Snapchat", "Snap Inc.", "private messaging", 2, 0.5),
                new PlatformRow(FY2023, "WhatsApp", "Meta", "private messaging", 1, 0.25));
    }

    @Test
    void ownerAndCategoryTablesCountAnOffenceOncePerGroupItNames() {
        Summaries s = sixOffences();
        assertThat(s.offencesByOwner()).containsExactly(
                new GroupRow(FY2023, "Meta", 3, 0.75),
                new GroupRow(FY2023, "Snap Inc.", 2, 0.5));
        assertThat(s.offencesByCategory()).containsExactly(
                new GroupRow(FY2023, "private messaging", 3, 0.75),
                new GroupRow(FY2023, "social media", 2, 0.5));
    }

    @Test
    void forcePlatformTable() {
        assertThat(sixOffences().offencesByForcePlatform()).containsExactly(
                new ForcePlatformRow(FY2023, "E23000028", "Essex", "Snapchat", 1),
                new ForcePlatformRow(FY2023, "E23000032", "Kent", "Facebook", 1),
                new ForcePlatformRow(FY2023, "E23000032", "Kent", "Instagram", 2),
                new ForcePlatformRow(FY2023, "E23000032", "Kent", "Snapchat", 1),
                new ForcePlatformRow(FY2023, "E23000032", "Kent", "WhatsApp", 1));
    }

    @Test
    void forceTableAndNationalSummary() {
        Summaries s = sixOffences();
        assertThat(s.offencesByForce()).containsExactly(
                new ForceRow(FY2023, 1, "E23000028", "Essex", "86/2", 2, 1, 0),
                new ForceRow(FY2023, 1, "E23000032", "Kent", "86/2", 4, 3, 0));
        assertThat(s.nationalSummary()).containsExactly(
                new NationalRow(FY2023, 6, 366, 6.0 / 366, 4, 4.0 / 6, 2, 2, 0, true, 366));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            # one offence naming       | platforms (name=n)              | owners                   | categories
            Snapchat / Instagram       | Instagram=1;Snapchat=1          | Meta=1;Snap Inc.=1       | private messaging=1;social media=1
            Instagram and Facebook     | Facebook=1;Instagram=1          | Meta=1                   | social media=1
            WhatsApp / Instagram       | Instagram=1;WhatsApp=1          | Meta=1                   | private messaging=1;social media=1
            Instagram + Facebook Messenger + WhatsApp | Facebook Messenger=1;Instagram=1;WhatsApp=1 | Meta=1 | private messaging=1;social media=1
            Snapchat + Snapchat        | Snapchat=1                      | Snap Inc.=1              | private messaging=1
            Text message / Email       | Email=1;Text message=1          | null=1                   | email=1;text messaging=1
            Carrier pigeon             | Unrecognised=1                  | null=1                   | null=1
            Snapchat / carrier pigeon  | Snapchat=1;Unrecognised=1       | Snap Inc.=1;null=1       | private messaging=1;null=1
            """)
    void oneOffenceCountsOnceInTheDivisorAndOncePerPlatformOwnerAndCategory(String platform, String platforms,
                                                                           String owners, String categories) {
        Summaries s = summarise(Returns.RECORD, "Kent,CR1,2023-05-02,86/2," + platform);
        assertThat(s.nationalSummary()).singleElement().satisfies(n -> {
            assertThat(n.offences()).isEqualTo(1);
            assertThat(n.platformRecordedOffences()).isEqualTo(1);
            assertThat(n.platformRecordedShare()).isEqualTo(1.0);
        });
        assertThat(counts(s.offencesByPlatform().stream().map(p -> Map.entry(p.platform(), p.offences())).toList()))
                .isEqualTo(parse(platforms));
        assertThat(counts(s.offencesByOwner().stream().map(g -> Map.entry(String.valueOf(g.group()), g.offences()))
                .toList())).isEqualTo(parse(owners));
        assertThat(counts(s.offencesByCategory().stream().map(g -> Map.entry(String.valueOf(g.group()), g.offences()))
                .toList())).isEqualTo(parse(categories));
        assertThat(s.offencesByPlatform()).allSatisfy(p -> assertThat(p.share()).isEqualTo(1.0));
    }

    private static Map<String, Long> counts(List<Map.Entry<String, Long>> entries) {
        Map<String, Long> m = new TreeMap<>();
        entries.forEach(e -> assertThat(m.put(e.getKey(), e.getValue())).as("one row per group").isNull());
        return m;
    }

    private static Map<String, Long> parse(String groups) {
        Map<String, Long> m = new TreeMap<>();
        Arrays.stream(groups.split(";")).map(String::trim).forEach(g -> {
            int eq = g.lastIndexOf('=');
            m.put(g.substring(0, eq), Long.parseLong(g.substring(eq + 1)));
        });
        return m;
    }

    @Test
    void suppressedCellsAreCountedAndAddNothing() {
        Summaries s = summarise(Returns.QUARTERLY,
                "Kent,2022/23,1,86/2,Snapchat,5",
                "Kent,2022/23,1,86/10,,3",
                "Essex,2022/23,1,86/2,,7",
                "Essex,2022/23,2,86/2,,*",
                "Surrey,2022/23,1,86/2,Instagram,<5",
                "Sussex,2022/23,1,86/2,Snapchat,0");
        assertThat(s.offencesByForce()).containsExactly(
                new ForceRow(FY2022, 1, "E23000028", "Essex", "86/2", 7, 0, 0),
                new ForceRow(FY2022, 1, "E23000031", "Surrey", "86/2", 0, 0, 1),
                new ForceRow(FY2022, 1, "E23000032", "Kent", "86/10", 3, 0, 0),
                new ForceRow(FY2022, 1, "E23000032", "Kent", "86/2", 5, 5, 0),
                new ForceRow(FY2022, 1, "E23000033", "Sussex", "86/2", 0, 0, 0),
                new ForceRow(FY2022, 2, "E23000028", "Essex", "86/2", 0, 0, 1));
        assertThat(s.offencesByPlatform()).containsExactly(
                new PlatformRow(FY2022, "Instagram", "Meta", "social media", 0, 0.0),
                new PlatformRow(FY2022, "Snapchat", "Snap Inc.", "private messaging", 5, 1.0));
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.offences()).isEqualTo(15);
        assertThat(n.daysInYear()).isEqualTo(365);
        assertThat(n.offencesPerDay()).isEqualTo(15.0 / 365);
        assertThat(n.platformRecordedOffences()).isEqualTo(5);
        assertThat(n.platformRecordedShare()).isEqualTo(5.0 / 15);
        assertThat(n.suppressedCells()).isEqualTo(2);
        assertThat(n.forcesReporting()).isEqualTo(4);
    }

    @Test
    void forcesReportingPlatformCountsForcesWithAnyRowNamingAPlatform() {
        Summaries s = summarise(Returns.QUARTERLY,
                "Kent,2022/23,1,86/2,Snapchat,5",       // platform with offences
                "Essex,2022/23,1,86/2,,7",              // no platform
                "Surrey,2022/23,1,86/2,Instagram,<5",   // platform, cell suppressed
                "Sussex,2022/23,1,86/2,Snapchat,0");    // platform, none that quarter
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.forcesReporting()).isEqualTo(4);
        assertThat(n.forcesReportingPlatform()).isEqualTo(3);
    }

    @Test
    void forcesReportingCountsEachForceOnceAndOnlyPlatformRecordedForcesInTheOther() {
        Summaries s = summarise(Returns.RECORD,
                "Kent,CR1,2023-05-02,86/2,Snapchat",
                "Kent,CR2,2023-06-02,86/10,Snapchat",
                "Essex,CR3,2023-05-02,86/2,Not known",
                "Essex,CR4,2023-05-03,86/2,",
                "Surrey,CR5,2023-05-03,86/15,Carrier pigeon");
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.forcesReporting()).isEqualTo(3);
        assertThat(n.forcesReportingPlatform()).isEqualTo(2);
        assertThat(n.platformRecordedOffences()).isEqualTo(3);
    }

    @Test
    void eachYearHasItsOwnDaysAndDivisor() {
        Summaries s = summarise(Returns.RECORD,
                "Kent,CR1,2023-03-31,86/2,Snapchat",     // 2022/23
                "Kent,CR2,2023-04-01,86/2,Snapchat",     // 2023/24
                "Kent,CR3,2024-02-29,86/2,Instagram",    // 2023/24
                "Kent,CR4,2024-03-31,86/2,",             // 2023/24
                "Kent,CR5,2024-04-01,86/2,");            // 2024/25
        assertThat(s.nationalSummary()).containsExactly(
                new NationalRow(FY2022, 1, 365, 1.0 / 365, 1, 1.0, 1, 1, 0, true, 365),
                new NationalRow(FY2023, 3, 366, 3.0 / 366, 2, 2.0 / 3, 1, 1, 0, true, 366),
                // not over on the run date (2024-06-30): April is the latest month reported
                new NationalRow(FY2024, 1, 365, 1.0 / 30, 0, 0.0, 1, 0, 0, false, 30));
        assertThat(s.offencesByPlatform()).containsExactly(
                new PlatformRow(FY2022, "Snapchat", "Snap Inc.", "private messaging", 1, 1.0),
                new PlatformRow(FY2023, "Instagram", "Meta", "social media", 1, 0.5),
                new PlatformRow(FY2023, "Snapchat", "Snap Inc.", "private messaging", 1, 0.5));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} days")
    @CsvSource(textBlock = """
            2022, 365
            2023, 366
            2024, 365
            2027, 366
            """)
    void offencesPerDayDividesByTheDaysOfTheFinancialYear(int startYear, int days) {
        Summaries s = new Summaries(LocalDate.of(2030, 1, 1));
        s.add(new CleanOffence(new Force("E23000032", "Kent"), null, null,
                FinancialPeriod.ofQuarter(new FinancialYear(startYear), 1), OffenceCode.of("86/2"), List.of(), null,
                732L, false, 2));
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.daysInYear()).isEqualTo(days);
        assertThat(n.offencesPerDay()).isEqualTo(732.0 / days);
    }

    @Test
    void yearOnlyCellsHaveNoQuarterAndSortAfterTheQuarters() {
        Summaries s = summarise(Returns.QUARTERLY,
                "Kent,2022/23,,86/2,,40",
                "Kent,2022/23,4,86/2,,4");
        assertThat(s.offencesByForce()).containsExactly(
                new ForceRow(FY2022, 4, "E23000032", "Kent", "86/2", 4, 0, 0),
                new ForceRow(FY2022, null, "E23000032", "Kent", "86/2", 40, 0, 0));
    }

    /**
     * Contract section 7: a year not over on the run date divides by the days from 1 April to the end of the
     * latest month any accepted row covers (a month row its month, a quarter its three months). A whole-year row
     * in such a year covers only the months begun by the run date (docs/decisions.md).
     */
    @ParameterizedTest(name = "[{index}] run {0}, rows {1}: complete {2}, {3} days")
    @CsvSource(delimiter = '|', textBlock = """
            # run date | rows of 2024/25 (month YYYY-MM, quarter Qn, year Y) | complete | days
            2024-06-30 | 2024-05                  | false | 61
            2024-06-30 | 2024-04; 2024-05         | false | 61
            2024-06-30 | Q1                       | false | 91
            2024-05-15 | Q1                       | false | 91
            2024-11-10 | 2024-04; Q2              | false | 183
            2024-06-30 | Y                        | false | 91
            2024-11-10 | Y                        | false | 244
            2024-11-10 | Y; Q3                    | false | 275
            2025-03-31 | 2025-03                  | false | 365
            2025-03-31 | 2024-04                  | false | 30
            2025-04-01 | 2024-04                  | true  | 365
            2026-12-01 | Y                        | true  | 365
            """)
    void aYearNotOverDividesByTheDaysUpToTheLatestMonthReported(LocalDate runDate, String rows, boolean complete,
                                                                int days) {
        Summaries s = new Summaries(runDate);
        for (String row : rows.split(";")) {
            s.add(offences(period(row.trim()), 10));
        }
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.yearComplete()).isEqualTo(complete);
        assertThat(n.daysInYear()).isEqualTo(365);
        assertThat(n.daysCovered()).isEqualTo(days);
        assertThat(n.offencesPerDay()).isEqualTo(10.0 * rows.split(";").length / days);
    }

    @Test
    void monthsOfSupersededRowsStillCountAsReported() {
        // Q3 (Oct-Dec) was replaced by a later return re-stating October only: the rows are accepted, so
        // the year is reported up to December although only October's offences still count.
        Summaries s = new Summaries(LocalDate.of(2025, 1, 15));
        s.add(offences(period("2024-10"), 5));
        s.addSuperseded(OffenceTally.of(offences(period("Q3"), 20)));
        NationalRow n = s.nationalSummary().get(0);
        assertThat(n.offences()).isEqualTo(5);
        assertThat(n.daysCovered()).isEqualTo(275);
        assertThat(n.offencesPerDay()).isEqualTo(5.0 / 275);
    }

    /** A period of 2024/25: {@code YYYY-MM}, {@code Qn} or {@code Y}. */
    private static FinancialPeriod period(String text) {
        FinancialYear fy = new FinancialYear(2024);
        return text.equals("Y") ? FinancialPeriod.ofYear(fy)
                : text.startsWith("Q") ? FinancialPeriod.ofQuarter(fy, Integer.parseInt(text.substring(1)))
                : FinancialPeriod.ofMonth(YearMonth.parse(text));
    }

    private static CleanOffence offences(FinancialPeriod period, long count) {
        return new CleanOffence(new Force("E23000032", "Kent"), null, null, period, OffenceCode.of("86/2"), List.of(),
                null, count, false, 2);
    }
}
