package org.forcereturns.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.ingest.Returns;
import org.forcereturns.ingest.Returns.Ingested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contract section 5: a later delivery from a force replaces that force's earlier rows for every month it
 * covers. Deliveries are written {@code LAYOUT: row; row; ...} (layouts of {@link Returns}); the rows that count
 * are written {@code delivery:force:period=offences} ({@code *} for a suppressed cell), in delivery and line order.
 * Files are read with a reject threshold of 0.5, so a file with one bad row in two is still loaded.
 */
class CorrectionsTest {

    private static Ingested read(String delivery) {
        int colon = delivery.indexOf(':');
        String header = Returns.header(delivery.substring(0, colon).trim());
        List<String> lines = new ArrayList<>();
        lines.add(header);
        Arrays.stream(delivery.substring(colon + 1).split(";")).map(String::trim).forEach(lines::add);
        return Returns.ingest(Returns.csv(lines.toArray(String[]::new)), Returns.rules(0.5));
    }

    /** What the publisher does: register loaded files in delivery order, then keep the rows still owned. */
    private static List<String> counted(String... deliveries) {
        List<Ingested> files = Arrays.stream(deliveries).map(CorrectionsTest::read).toList();
        Corrections corrections = new Corrections();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).outcome().status() == FileStatus.LOADED) {
                corrections.register(i, files.get(i).outcome().coveredMonths());
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).outcome().status() != FileStatus.LOADED) {
                continue;
            }
            for (CleanOffence row : files.get(i).accepted()) {
                if (corrections.keeps(i, row)) {
                    kept.add(i + ":" + row.force().name() + ":" + label(row.period()) + "="
                            + (row.suppressed() ? "*" : row.offences()));
                }
            }
        }
        return kept;
    }

    private static String label(FinancialPeriod p) {
        if (p.month() != null) {
            return p.month().toString();
        }
        return p.year().label() + (p.quarter() == null ? "" : " Q" + p.quarter());
    }

    private static List<String> expected(String rows) {
        return rows == null ? List.of() : Arrays.stream(rows.split(";")).map(String::trim).toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # rule | earlier delivery | later delivery | rows that count
            later delivery replaces only the months it covers \
              | MONTHLY: Kent,2024-01,86/2,,10; Kent,2024-02,86/2,,20; Kent,2024-03,86/2,,30 \
              | MONTHLY: Kent,2024-02,86/2,,25 \
              | 0:Kent:2024-01=10; 0:Kent:2024-03=30; 1:Kent:2024-02=25
            every row of a replaced month goes, whatever its offence code or platform \
              | MONTHLY: Kent,2024-02,86/2,Snapchat,20; Kent,2024-02,86/10,,4; Kent,2024-01,86/15,,1 \
              | MONTHLY: Kent,2024-02,86/2,,25 \
              | 0:Kent:2024-01=1; 1:Kent:2024-02=25
            disjoint months both count \
              | MONTHLY: Kent,2024-01,86/2,,10 \
              | MONTHLY: Kent,2024-04,86/2,,4 \
              | 0:Kent:2024-01=10; 1:Kent:2024-04=4
            a quarterly cell is dropped when a later delivery covers any of its months \
              | QUARTERLY: Kent,2023/24,3,86/2,,45; Kent,2023/24,4,86/2,,60 \
              | MONTHLY: Kent,2024-02,86/2,,25 \
              | 0:Kent:2023/24 Q3=45; 1:Kent:2024-02=25
            a whole-year cell is dropped when a later delivery covers any of its months \
              | QUARTERLY: Kent,2022/23,,86/2,,100; Kent,2023/24,,86/2,,120 \
              | MONTHLY: Kent,2023-05,86/2,,9 \
              | 0:Kent:2022/23=100; 1:Kent:2023-05=9
            a later quarter replaces the earlier months in it \
              | MONTHLY: Kent,2024-01,86/2,,10; Kent,2024-02,86/2,,20; Kent,2024-04,86/2,,5 \
              | QUARTERLY: Kent,2023/24,4,86/2,,70 \
              | 0:Kent:2024-04=5; 1:Kent:2023/24 Q4=70
            other forces are untouched \
              | MONTHLY: Kent,2024-02,86/2,,20; Essex,2024-02,86/2,,7 \
              | MONTHLY: Kent,2024-02,86/2,,25 \
              | 0:Essex:2024-02=7; 1:Kent:2024-02=25
            a later file about another force replaces nothing \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Essex,2024-02,86/2,,7 \
              | 0:Kent:2024-02=20; 1:Essex:2024-02=7
            a correction to zero still replaces \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Kent,2024-02,86/2,,0 \
              | 1:Kent:2024-02=0
            a correction to a suppressed cell still replaces \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Kent,2024-02,86/2,,* \
              | 1:Kent:2024-02=*
            a rejected row covers nothing \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Kent,2024-02,86/2,,lots; Kent,2024-03,86/2,,5 \
              | 0:Kent:2024-02=20; 1:Kent:2024-03=5
            a skipped row covers nothing \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Kent,2024-02,86/11,,3; England and Wales,2024-02,86/2,,900; Kent,2024-03,86/2,,5 \
              | 0:Kent:2024-02=20; 1:Kent:2024-03=5
            a quarantined file covers nothing \
              | MONTHLY: Kent,2024-02,86/2,,20 \
              | MONTHLY: Kent,2024-02,86/2,,25; Narnia,2024-02,86/2,,1; Narnia,2024-02,86/2,,1 \
              | 0:Kent:2024-02=20
            a later return in another layout replaces too \
              | QUARTERLY: Kent,2023/24,4,86/2,,60 \
              | RECORD: Kent,CR1,2024-02-10,86/2,; Kent,CR2,2024-02-11,86/10, \
              | 1:Kent:2024-02=1; 1:Kent:2024-02=1
            """)
    void laterDeliveryReplacesTheMonthsItCovers(String rule, String earlier, String later, String counted) {
        assertThat(counted(earlier, later)).as(rule).isEqualTo(expected(counted));
    }

    @Test
    void latestOfThreeDeliveriesWinsMonthByMonth() {
        assertThat(counted(
                "QUARTERLY: Kent,2023/24,4,86/2,,60; Kent,2023/24,3,86/2,,45",
                "MONTHLY: Kent,2024-02,86/2,,25; Kent,2023-12,86/2,,16",
                "MONTHLY: Kent,2024-01,86/2,,11; Kent,2024-02,86/2,,21; Kent,2024-03,86/2,,31"))
                .containsExactly("1:Kent:2023-12=16", "2:Kent:2024-01=11", "2:Kent:2024-02=21", "2:Kent:2024-03=31");
    }

    @Test
    void aDeliveryWithNoCoveredMonthsReplacesNothing() {
        Ingested first = read("MONTHLY: Kent,2024-02,86/2,,20");
        Corrections corrections = new Corrections();
        corrections.register(0, first.outcome().coveredMonths());
        corrections.register(1, new TreeMap<>());
        assertThat(corrections.keeps(0, first.accepted().get(0))).isTrue();
    }

    @Test
    void rowOfAForceNeverRegisteredIsNotKept() {
        Ingested file = read("MONTHLY: Kent,2024-02,86/2,,20");
        Corrections corrections = new Corrections();
        SortedMap<String, SortedSet<YearMonth>> essex = new TreeMap<>();
        essex.put("E23000028", new TreeSet<>(List.of(YearMonth.of(2024, 2))));
        corrections.register(0, essex);
        assertThat(corrections.keeps(0, file.accepted().get(0))).isFalse();
    }
}
