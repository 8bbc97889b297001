package org.forcereturns.normalise;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Recorded dates (contract section 4): {@code yyyy-MM-dd}, {@code dd/MM/yyyy}, {@code d/M/yyyy},
 * {@code dd-MM-yyyy}, {@code d MMM yyyy}, {@code dd-MMM-yy}, each optionally followed by a time
 * ({@code HH:mm} or {@code HH:mm:ss}, after spaces or {@code T}; {@code H:mm} and fractional
 * seconds too). Day before month always (UK data). Also accepted, as the same shapes with the
 * other separator: {@code d-M-yyyy}, {@code d-MMM-yyyy}, {@code d MMM yy}; month names are
 * English, any case, short, full or {@code Sept}. Range checks are the caller's: this only says
 * which real date a value names, if any.
 * <p>
 * A hand-written scanner rather than a regex or formatter chain: it runs on every record row,
 * and failing formatters throw.
 */
public final class DateParser {

    private DateParser() {
    }

    public static Optional<LocalDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Cursor c = new Cursor(raw);
        int first = c.number(1, 4);
        int firstLength = c.lastLength;
        char separator = c.peek();
        if (first < 0 || (separator != '-' && separator != '/' && separator != ' ')) {
            return Optional.empty();
        }
        c.at++;
        int year;
        int month;
        int day;
        if (firstLength == 4) {
            // yyyy-MM-dd
            year = first;
            month = separator == '-' ? c.number(2, 2) : -1;
            day = month >= 0 && c.take('-') ? c.number(2, 2) : -1;
        } else if (firstLength <= 2 && Cursor.isDigit(c.peek())) {
            // d/M/yyyy, dd-MM-yyyy: the same separator twice
            day = first;
            month = separator != ' ' ? c.number(1, 2) : -1;
            year = month >= 0 && c.take(separator) ? c.number(4, 4) : -1;
        } else if (firstLength <= 2) {
            // d MMM yyyy, dd-MMM-yy
            day = first;
            month = separator != '/' ? c.monthName() : 0;
            year = month > 0 && c.take(separator) ? c.number(2, 4) : -1;
            if (c.lastLength == 3) {
                year = -1;
            } else if (c.lastLength == 2) {
                year += 2000;
            }
        } else {
            return Optional.empty();
        }
        if (year < 0 || month <= 0 || day < 0 || !(c.done() || time(c))) {
            return Optional.empty();
        }
        return valid(year, month, day) ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
    }

    // Checked up front rather than by catching DateTimeException: bad dates can be common in a file.
    static boolean valid(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
    }

    /** A valid time of day after spaces or {@code T}, to the end of the value. */
    private static boolean time(Cursor c) {
        if (!c.take('T')) {
            if (!Character.isWhitespace(c.peek())) {
                return false;
            }
            while (Character.isWhitespace(c.peek())) {
                c.at++;
            }
        }
        int hour = c.number(1, 2);
        if (hour < 0 || hour > 23 || !c.take(':')) {
            return false;
        }
        int minute = c.number(2, 2);
        if (minute < 0 || minute > 59) {
            return false;
        }
        if (c.take(':')) {
            int second = c.number(2, 2);
            if (second < 0 || second > 59 || (c.take('.') && c.number(1, 9) < 0)) {
                return false;
            }
        }
        return c.done();
    }

    /** The digits a matched group spans, parsed in place without a substring. */
    static int number(String text, Matcher m, String group) {
        return Integer.parseInt(text, m.start(group), m.end(group), 10);
    }

    /** A read position in the trimmed value. */
    private static final class Cursor {
        private final String text;
        private final int end;
        int at;
        int lastLength;

        Cursor(String raw) {
            int from = 0;
            int to = raw.length();
            while (from < to && Character.isWhitespace(raw.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(raw.charAt(to - 1))) {
                to--;
            }
            this.text = raw;
            this.at = from;
            this.end = to;
        }

        boolean done() {
            return at == end;
        }

        /** The next character, or NUL at the end. */
        char peek() {
            return at < end ? text.charAt(at) : '\0';
        }

        boolean take(char expected) {
            if (at < end && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        /** The value of the next {@code min..max} digits, or -1 (too few, or more than max follow). */
        int number(int min, int max) {
            int start = at;
            int value = 0;
            while (at < end && at - start < max && isDigit(text.charAt(at))) {
                value = value * 10 + (text.charAt(at) - '0');
                at++;
            }
            lastLength = at - start;
            return lastLength < min || isDigit(peek()) ? -1 : value;
        }

        /** 1..12 for the English month name that follows, else 0. */
        int monthName() {
            int start = at;
            while (at < end && isAsciiLetter(text.charAt(at))) {
                at++;
            }
            return MonthNames.number(text, start, at);
        }

        static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
