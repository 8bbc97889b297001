package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountParserTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' counts {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0
            7                    | 7
            007                  | 7
            1234                 | 1234
            '1,234'              | 1234
            '12,345,678'         | 12345678
            '999,999'            | 999999
            ' 42 '               | 42
            3.0                  | 3
            3.00                 | 3
            '1,234.0'            | 1234
            9223372036854775807  | 9223372036854775807
            """)
    void parsesWholeNumbers(String raw, long expected) {
        assertThat(CountParser.parse(raw)).isEqualTo(new CountValue.Count(expected));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is suppressed")
    @ValueSource(strings = {"*", "<5", "<10", "< 5", "<1", "[c]", "[C]", "[x]", "[X]", "c", "C", "x", "X", " * "})
    void recognisesSuppressionMarkers(String raw) {
        assertThat(CountParser.parse(raw)).isEqualTo(CountValue.SUPPRESSED);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is invalid")
    @ValueSource(strings = {"", " ", "-1", "-0", "+3", "2.5", "3.01", "3.", ".0", "1,23", "12,34", "1234,567",
            "1,2345", ",123", "1,", "1 234", "1.234", "five", "N/A", "<", "<five", "<5.5", "**", "[z]", "[c",
            "cc", "xx", "y", "9223372036854775808", "99999999999999999999", "1e3", "0x10", "١٢"})
    void rejectsEverythingElse(String raw) {
        assertThat(CountParser.parse(raw)).isEqualTo(CountValue.INVALID);
    }

    @Test
    void nullIsInvalid() {
        assertThat(CountParser.parse(null)).isEqualTo(CountValue.INVALID);
    }

    @Property
    void anyNonNegativeNumberWithOrWithoutThousandsSeparatorsParsesBack(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value, @ForAll boolean grouped) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setGroupingUsed(grouped);
        String rendered = format.format(value);
        assertThat(CountParser.parse(rendered)).as(rendered).isEqualTo(new CountValue.Count(value));
    }

    @Property
    void negativeNumbersAreInvalid(@ForAll @Positive long value) {
        assertThat(CountParser.parse("-" + value)).isEqualTo(CountValue.INVALID);
    }

    @Property
    void anyLessThanMarkerIsSuppressed(@ForAll @LongRange(min = 0, max = 1000) long threshold) {
        assertThat(CountParser.parse("<" + threshold)).isEqualTo(CountValue.SUPPRESSED);
    }
}
