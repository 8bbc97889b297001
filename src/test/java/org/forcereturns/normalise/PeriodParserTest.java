package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forcereturns.domain.FinancialYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

    @ParameterizedTest(name = "[{index}] month ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-05         | 2024-05
            2024-5          | 2024-05
            2024/05         | 2024-05
            May 2024        | 2024-05
            may 2024        | 2024-05
            MAY 2024        | 2024-05
            Sept 2024       | 2024-09
            Sep 2024        | 2024-09
            September 2024  | 2024-09
            May-2024        | 2024-05
            May-24          | 2024-05
            ' Jan 2025 '    | 2025-01
            2024-12         | 2024-12
            """)
    void parsesMonths(String raw, String expected) {
        assertThat(PeriodParser.parseMonth(raw)).contains(YearMonth.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] month ''{0}'' is no month")
    @ValueSource(strings = {"", "2024-13", "2024-00", "2024-05-01", "05/2024", "Mai 2024", "May", "2024",
            "May 20245", "2024 May", "May2024", "24-05"})
    void rejectsBadMonths(String raw) {
        assertThat(PeriodParser.parseMonth(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] year ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023/24     | 2023
            2023-24     | 2023
            2023/2024   | 2023
            2023-2024   | 2023
            FY2023/24   | 2023
            fy2023/24   | 2023
            FY 2023/24  | 2023
            FY2023-2024 | 2023
            2023 / 24   | 2023
            2023–24     | 2023
            1999/00     | 1999
            2099/2100   | 2099
            ' 2023/24 ' | 2023
            """)
    void parsesFinancialYears(String raw, int startYear) {
        assertThat(PeriodParser.parseFinancialYear(raw)).contains(new FinancialYear(startYear));
    }

    @ParameterizedTest(name = "[{index}] year ''{0}'' is no financial year")
    @ValueSource(strings = {"", "2023", "2023/25", "2023/23", "2023-2025", "2023/2023", "23/24", "FY23/24",
            "FY  2023/24", "2023\\24", "2023/024", "FY2023", "2023/24/25", "1899/00", "Q1 2023/24"})
    void rejectsBadFinancialYears(String raw) {
        assertThat(PeriodParser.parseFinancialYear(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] quarter ''{0}'' is {1}")
    @CsvSource({"1,1", "2,2", "3,3", "4,4", "Q1,1", "q2,2", "Q3,3", "q4,4", "' Q4 ',4"})
    void parsesQuarters(String raw, int quarter) {
        assertThat(PeriodParser.parseQuarter(raw)).hasValue(quarter);
    }

    @ParameterizedTest(name = "[{index}] quarter ''{0}'' is no quarter")
    @ValueSource(strings = {"", "0", "5", "Q0", "Q5", "Q", "QQ1", "1Q", "Q 1", "11", "one", "Quarter 1", "-1"})
    void rejectsBadQuarters(String raw) {
        assertThat(PeriodParser.parseQuarter(raw)).isEmpty();
    }

    @Test
    void nullIsNothing() {
        assertThat(PeriodParser.parseMonth(null)).isEmpty();
        assertThat(PeriodParser.parseFinancialYear(null)).isEmpty();
        assertThat(PeriodParser.parseQuarter(null)).isEmpty();
    }

    @Property
    void everyMonthRenderedInEachFormParsesBackToItself(
            @ForAll @IntRange(min = 1900, max = 9999) int year, @ForAll @IntRange(min = 1, max = 12) int monthNumber,
            @ForAll @IntRange(min = 0, max = 4) int form) {
        YearMonth month = YearMonth.of(year, monthNumber);
        Month m = month.getMonth();
        String rendered = switch (form) {
            case 0 -> String.format("%d-%02d", year, monthNumber);
            case 1 -> String.format("%d/%02d", year, monthNumber);
            case 2 -> m.getDisplayName(TextStyle.SHORT, Locale.UK).substring(0, 3) + " " + year;
            case 3 -> m.getDisplayName(TextStyle.FULL, Locale.UK).toUpperCase(Locale.ROOT) + " " + year;
            default -> m.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT) + "-" + year;
        };
        assertThat(PeriodParser.parseMonth(rendered)).as(rendered).contains(month);
    }

    @Property
    void everyFinancialYearRenderedInEachFormParsesBackToItself(
            @ForAll @IntRange(min = 1900, max = 9998) int start, @ForAll @IntRange(min = 0, max = 4) int form) {
        FinancialYear year = new FinancialYear(start);
        String rendered = switch (form) {
            case 0 -> year.label();
            case 1 -> year.label().replace('/', '-');
            case 2 -> start + "/" + (start + 1);
            case 3 -> start + "-" + (start + 1);
            default -> "FY" + year.label();
        };
        assertThat(PeriodParser.parseFinancialYear(rendered)).as(rendered).contains(year);
    }

    @Property
    void aSecondYearThatDoesNotFollowTheFirstIsRefused(
            @ForAll @IntRange(min = 1900, max = 9998) int start, @ForAll @IntRange(min = 0, max = 99) int second) {
        String rendered = String.format("%d/%02d", start, second);
        boolean follows = second == (start + 1) % 100;
        assertThat(PeriodParser.parseFinancialYear(rendered).isPresent()).as(rendered).isEqualTo(follows);
    }
}
