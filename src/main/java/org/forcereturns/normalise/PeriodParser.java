package org.forcereturns.normalise;

import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forcereturns.domain.FinancialYear;

/** Month, financial year and financial quarter columns (contract sections 2 and 4). */
public final class PeriodParser {

    // Two-digit years after a month name are 20yy, as in dates (Excel's "mmm-yy" gives May-24).
    private static final Pattern MONTH = Pattern.compile(
            "(?<numY>\\d{4})[-/](?<numM>\\d{1,2})"
                    + "|(?<txtM>[A-Za-z]{3,9})[ -](?<txtY>\\d{4}|\\d{2})");

    // The en dash arrives from Excel via Windows-1252 (0x96) often enough to be worth a character.
    private static final Pattern FINANCIAL_YEAR = Pattern.compile(
            "(?:FY ?)?(?<first>\\d{4}) ?[/\\-\u2013] ?(?<second>\\d{4}|\\d{2})", Pattern.CASE_INSENSITIVE);

    // Month and year columns repeat a handful of values down a file: memoise the regex work.
    private static final BoundedCache<String, Optional<YearMonth>> MONTHS =
            new BoundedCache<>(BoundedCache.DEFAULT_CAPACITY, PeriodParser::month);
    private static final BoundedCache<String, Optional<FinancialYear>> YEARS =
            new BoundedCache<>(BoundedCache.DEFAULT_CAPACITY, PeriodParser::financialYear);

    private PeriodParser() {
    }

    /** {@code 2024-05}, {@code 2024/05}, {@code 2024-5}, {@code May 2024}, {@code May-24}, {@code September 2024}. */
    public static Optional<YearMonth> parseMonth(String raw) {
        return raw == null ? Optional.empty() : MONTHS.get(raw);
    }

    private static Optional<YearMonth> month(String raw) {
        String text = raw.strip();
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year;
        int month;
        if (m.start("numY") >= 0) {
            year = DateParser.number(text, m, "numY");
            month = DateParser.number(text, m, "numM");
        } else {
            year = DateParser.number(text, m, "txtY");
            if (m.end("txtY") - m.start("txtY") == 2) {
                year += 2000;
            }
            month = MonthNames.number(text, m.start("txtM"), m.end("txtM"));
        }
        return month >= 1 && month <= 12 ? Optional.of(YearMonth.of(year, month)) : Optional.empty();
    }

    /**
     * {@code 2023/24}, {@code 2023-24}, {@code 2023/2024}, {@code 2023-2024}, {@code FY2023/24},
     * {@code FY 2023/24}, any case. The second year must follow the first.
     */
    public static Optional<FinancialYear> parseFinancialYear(String raw) {
        return raw == null ? Optional.empty() : YEARS.get(raw);
    }

    private static Optional<FinancialYear> financialYear(String raw) {
        String text = raw.strip();
        Matcher m = FINANCIAL_YEAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = DateParser.number(text, m, "first");
        int second = DateParser.number(text, m, "second");
        boolean twoDigits = m.end("second") - m.start("second") == 2;
        int expected = twoDigits ? (first + 1) % 100 : first + 1;
        if (second != expected || first < 1900 || first > 9998) {
            return Optional.empty();
        }
        return Optional.of(new FinancialYear(first));
    }

    /** {@code 1}..{@code 4} or {@code Q1}..{@code Q4}, any case. */
    public static OptionalInt parseQuarter(String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        String text = raw.strip();
        int at = 0;
        if (!text.isEmpty() && (text.charAt(0) == 'Q' || text.charAt(0) == 'q')) {
            at = 1;
        }
        if (text.length() != at + 1) {
            return OptionalInt.empty();
        }
        char digit = text.charAt(at);
        return digit >= '1' && digit <= '4' ? OptionalInt.of(digit - '0') : OptionalInt.empty();
    }
}
