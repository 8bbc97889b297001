package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-02              | 2024-05-02
            02/05/2024              | 2024-05-02
            2/5/2024                | 2024-05-02
            02/5/2024               | 2024-05-02
            2/05/2024               | 2024-05-02
            02-05-2024              | 2024-05-02
            2-5-2024                | 2024-05-02
            2 May 2024              | 2024-05-02
            02 May 2024             | 2024-05-02
            2 may 2024              | 2024-05-02
            2 MAY 2024              | 2024-05-02
            2 Sept 2024             | 2024-09-02
            2 Sep 2024              | 2024-09-02
            2 September 2024        | 2024-09-02
            2 february 2024         | 2024-02-02
            02-May-24               | 2024-05-02
            02-MAY-24               | 2024-05-02
            2-May-24                | 2024-05-02
            02-May-2024             | 2024-05-02
            31-Dec-99               | 2099-12-31
            2024-05-02 13:45        | 2024-05-02
            2024-05-02 13:45:59     | 2024-05-02
            2024-05-02T13:45:59     | 2024-05-02
            2024-05-02T13:45:59.123 | 2024-05-02
            02/05/2024 00:00        | 2024-05-02
            02/05/2024 9:30         | 2024-05-02
            2/5/2024 23:59:59       | 2024-05-02
            02-05-2024 12:00        | 2024-05-02
            2 May 2024 12:00        | 2024-05-02
            02-May-24 12:00:00      | 2024-05-02
            ' 02/05/2024 '          | 2024-05-02
            29/02/2024              | 2024-02-29
            29/02/2000              | 2000-02-29
            01/04/2002              | 2002-04-01
            31/12/1999              | 1999-12-31
            2 May 24                | 2024-05-02
            2-May-2024              | 2024-05-02
            '2024-05-02	10:00'     | 2024-05-02
            '2024-05-02   10:00'    | 2024-05-02
            """)
    void parsesEachAcceptedFormDayBeforeMonth(String raw, LocalDate expected) {
        assertThat(DateParser.parse(raw)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is no date")
    @ValueSource(strings = {"", " ", "31/02/2024", "29/02/2023", "29/02/1900", "32/01/2024", "00/01/2024",
            "01/13/2024", "01/00/2024", "2024-13-01", "2024-02-30", "2024-5-2", "05/02/24", "2024/05/02",
            "02.05.2024", "02 Mai 2024", "02 Mayy 2024", "31 Apr 2024", "May 2 2024", "2024-05", "20240502",
            "02/05/2024 24:00", "02/05/2024 12:60", "02/05/2024 12:00:60", "02/05/2024 12", "02/05/2024T",
            "02/05-2024", "02-May 2024", "02/May/2024", "yesterday", "N/A", "123/05/2024", "02/05/20245",
            "02/05/2024 12:00 PM", "2024-05-02Z", "02 05 2024", "02-May-202", "02/05/2024 12:00:00.",
            "02/05/2024 12:5", "2024-05-02 T10:00", "2024-05-02T 10:00", "2024 05 02", "2024/5/2"})
    void rejectsAnythingElse(String raw) {
        assertThat(DateParser.parse(raw)).isEmpty();
    }

    @Test
    void nullIsNoDate() {
        assertThat(DateParser.parse(null)).isEmpty();
    }

    private static final String[] FORMATS = {
            "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d MMM yyyy", "dd-MMM-yy", "d MMMM yyyy"};
    private static final String[] TIMES = {"", " HH:mm", " HH:mm:ss", "'T'HH:mm:ss"};

    @Property
    void everyDateRenderedInEachAcceptedFormatParsesBackToItself(
            @ForAll("dates") LocalDate date, @ForAll("formats") String format, @ForAll("times") String time,
            @ForAll boolean upperCase, @ForAll("hours") int hour, @ForAll("minutes") int minute) {
        String rendered = date.atTime(hour, minute, minute)
                .format(DateTimeFormatter.ofPattern(format + time, Locale.UK));
        rendered = upperCase ? rendered.toUpperCase(Locale.ROOT) : rendered;
        assertThat(DateParser.parse(rendered)).as(rendered).contains(date);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        // dd-MMM-yy only reaches 2000-2099, so stay in this century.
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(FORMATS);
    }

    @Provide
    Arbitrary<String> times() {
        return Arbitraries.of(TIMES);
    }

    @Provide
    Arbitrary<Integer> hours() {
        return Arbitraries.integers().between(0, 23);
    }

    @Provide
    Arbitrary<Integer> minutes() {
        return Arbitraries.integers().between(0, 59);
    }
}
