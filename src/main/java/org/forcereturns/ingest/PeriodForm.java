package org.forcereturns.ingest;

/** How a force return gives the period of each row. */
public enum PeriodForm {
    /** A {@code recorded_date} column. */
    RECORDED_DATE,
    /** A {@code month} column. */
    MONTH,
    /** A {@code financial_year} column, with an optional {@code financial_quarter}. */
    FINANCIAL_YEAR
}
