package org.forcereturns.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The period a tally file names by its first month and month count. */
class FinancialPeriodTest {

    @ParameterizedTest(name = "[{index}] {0} + {1} months")
    @CsvSource(nullValues = "null", textBlock = """
            # first,  months, year start, quarter, month,   last month
            2023-05,  1,      2023,       1,       2023-05, 2023-05
            2023-04,  1,      2023,       1,       2023-04, 2023-04
            2024-03,  1,      2023,       4,       2024-03, 2024-03
            2024-01,  1,      2023,       4,       2024-01, 2024-01
            2023-12,  1,      2023,       3,       2023-12, 2023-12
            2023-04,  3,      2023,       1,       null,    2023-06
            2023-07,  3,      2023,       2,       null,    2023-09
            2023-10,  3,      2023,       3,       null,    2023-12
            2024-01,  3,      2023,       4,       null,    2024-03
            2023-04,  12,     2023,       null,    null,    2024-03
            1999-04,  12,     1999,       null,    null,    2000-03
            """)
    void coveringMakesTheMonthQuarterOrYearStartingThere(String first, int months, int yearStart, Integer quarter,
                                                         String month, String last) {
        FinancialPeriod period = FinancialPeriod.covering(YearMonth.parse(first), months);

        assertThat(period).isEqualTo(new FinancialPeriod(new FinancialYear(yearStart), quarter,
                month == null ? null : YearMonth.parse(month)));
        assertThat(period.firstMonth()).isEqualTo(YearMonth.parse(first));
        assertThat(period.monthCount()).isEqualTo(months);
        assertThat(period.lastMonth()).isEqualTo(YearMonth.parse(last));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} months")
    @CsvSource(textBlock = """
            # first,  months
            2023-04,  2
            2023-04,  0
            2023-04,  13
            2023-04,  -1
            2023-04,  4
            2023-05,  3
            2023-06,  3
            2024-02,  3
            2023-05,  12
            2024-01,  12
            2024-03,  12
            """)
    void coveringRejectsOtherLengthsAndPeriodsNotStartingAtTheirFirstMonth(String first, int months) {
        assertThatThrownBy(() -> FinancialPeriod.covering(YearMonth.parse(first), months))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
