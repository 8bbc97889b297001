package org.forcereturns.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** A UK financial year, 1 April to 31 March, written {@code 2023/24}. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public FinancialYear {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("financial year out of range: " + startYear);
        }
    }

    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    public static FinancialYear containing(YearMonth month) {
        return containing(month.atDay(1));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public int days() {
        return (int) (lastDay().toEpochDay() - firstDay().toEpochDay() + 1);
    }

    /** Label used in tables, e.g. {@code 2023/24}. */
    public String label() {
        // Same text as String.format("%d/%02d", ...), without a Formatter per call (this runs once per published row).
        int end = (startYear + 1) % 100;
        return startYear + (end < 10 ? "/0" : "/") + end;
    }

    @Override
    public String toString() {
        return label();
    }

    // Written out: these values key the hash maps that every row passes through.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof FinancialYear y && y.startYear == startYear;
    }

    @Override
    public int hashCode() {
        return startYear;
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }
}
