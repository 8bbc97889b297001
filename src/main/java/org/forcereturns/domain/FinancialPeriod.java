package org.forcereturns.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The period one row speaks for: a financial year, optionally narrowed to a quarter, optionally to one month.
 * Corrections replace data month by month, so every period knows the calendar months it covers.
 */
public record FinancialPeriod(FinancialYear year, Integer quarter, YearMonth month) {

    public FinancialPeriod {
        if (year == null) {
            throw new IllegalArgumentException("year is required");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
        if (month != null && (!FinancialYear.containing(month).equals(year) || quarter == null
                || quarterOf(month) != quarter)) {
            throw new IllegalArgumentException("month " + month + " is not in " + year + " Q" + quarter);
        }
    }

    public static FinancialPeriod ofMonth(YearMonth month) {
        return new FinancialPeriod(FinancialYear.containing(month), quarterOf(month), month);
    }

    public static FinancialPeriod ofDate(LocalDate date) {
        return ofMonth(YearMonth.from(date));
    }

    public static FinancialPeriod ofQuarter(FinancialYear year, int quarter) {
        return new FinancialPeriod(year, quarter, null);
    }

    public static FinancialPeriod ofYear(FinancialYear year) {
        return new FinancialPeriod(year, null, null);
    }

    /** The period that starts at {@code first} and covers {@code months} months: 1 (a month), 3 (a quarter) or 12. */
    public static FinancialPeriod covering(YearMonth first, int months) {
        FinancialPeriod period = switch (months) {
            case 1 -> ofMonth(first);
            case 3 -> ofQuarter(FinancialYear.containing(first), quarterOf(first));
            case 12 -> ofYear(FinancialYear.containing(first));
            default -> throw new IllegalArgumentException("a period covers 1, 3 or 12 months, not " + months);
        };
        if (!period.firstMonth().equals(first)) {
            throw new IllegalArgumentException("no period of " + months + " months starts in " + first);
        }
        return period;
    }

    /** Financial quarter of a calendar month: 1 = Apr-Jun ... 4 = Jan-Mar. */
    public static int quarterOf(YearMonth month) {
        return ((month.getMonthValue() + 8) % 12) / 3 + 1;
    }

    public YearMonth firstMonth() {
        if (month != null) {
            return month;
        }
        YearMonth april = YearMonth.of(year.startYear(), 4);
        return quarter == null ? april : april.plusMonths(3L * (quarter - 1));
    }

    public int monthCount() {
        return month != null ? 1 : quarter != null ? 3 : 12;
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(monthCount());
        YearMonth first = firstMonth();
        for (int i = 0; i < monthCount(); i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(monthCount() - 1L);
    }

    /**
     * Written out rather than the record's: its hash kept the month in high bits ({@link YearMonth#hashCode()}),
     * which hash maps of few buckets ignore, so the twelve months of a year fell into one bucket.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof FinancialPeriod p && p.year.startYear() == year.startYear()
                && Objects.equals(p.quarter, quarter) && Objects.equals(p.month, month);
    }

    @Override
    public int hashCode() {
        return (year.startYear() * 5 + (quarter == null ? 0 : quarter)) * 13 + (month == null ? 0 : month.getMonthValue());
    }
}
