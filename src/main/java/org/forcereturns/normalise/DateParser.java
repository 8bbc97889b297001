package org.forcereturns.normalise;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded dates (contract section 4): {@code yyyy-MM-dd}, {@code dd/MM/yyyy}, {@code d/M/yyyy},
 * {@code dd-MM-yyyy}, {@code d MMM yyyy}, {@code dd-MMM-yy}, each optionally followed by a time.
 * Day before month always (UK data). Range checks are the caller's: this only says what date a
 * value names, if any.
 */
public final class DateParser {

    // Numeric day and month may have one or two digits with either separator; month names may
    // have either separator and a two- or four-digit year (Excel writes 02-May-24 and 2-May-2024).
    private static final Pattern DATE = Pattern.compile(
            "(?:(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})"
                    + "|(?<numD>\\d{1,2})(?<numSep>[/-])(?<numM>\\d{1,2})\\k<numSep>(?<numY>\\d{4})"
                    + "|(?<txtD>\\d{1,2})(?<txtSep>[ -])(?<txtM>[A-Za-z]{3,9})\\k<txtSep>(?<txtY>\\d{4}|\\d{2}))"
                    + "(?:(?:\\s+|T)(?<h>\\d{1,2}):(?<min>\\d{2})(?::(?<s>\\d{2})(?:\\.\\d{1,9})?)?)?");

    private DateParser() {
    }

    public static Optional<LocalDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        Matcher m = DATE.matcher(text);
        if (!m.matches() || !validTime(text, m)) {
            return Optional.empty();
        }
        int year;
        int month;
        int day;
        if (m.start("isoY") >= 0) {
            year = number(text, m, "isoY");
            month = number(text, m, "isoM");
            day = number(text, m, "isoD");
        } else if (m.start("numY") >= 0) {
            year = number(text, m, "numY");
            month = number(text, m, "numM");
            day = number(text, m, "numD");
        } else {
            year = number(text, m, "txtY");
            if (m.end("txtY") - m.start("txtY") == 2) {
                year += 2000;
            }
            month = MonthNames.number(m.group("txtM"));
            day = number(text, m, "txtD");
        }
        return valid(year, month, day) ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
    }

    // Checked up front rather than by catching DateTimeException: bad dates can be common in a file.
    static boolean valid(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    private static boolean validTime(String text, Matcher m) {
        if (m.start("h") < 0) {
            return true;
        }
        return number(text, m, "h") <= 23
                && number(text, m, "min") <= 59
                && (m.start("s") < 0 || number(text, m, "s") <= 59);
    }

    /** The digits a matched group spans, parsed in place without a substring. */
    static int number(String text, Matcher m, String group) {
        return Integer.parseInt(text, m.start(group), m.end(group), 10);
    }
}
