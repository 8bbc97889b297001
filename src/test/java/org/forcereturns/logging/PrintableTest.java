package org.forcereturns.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintableTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain name", "2024-05-01_kent.csv", "2024-05-01_kent.csv"),
                Arguments.of("a forged log line", "kent\n04:00:00.000 INFO  [r1] everything: LOADED",
                        "kent\\n04:00:00.000 INFO  [r1] everything: LOADED"),
                Arguments.of("carriage return and tab", "a\rb\tc", "a\\rb\\tc"),
                Arguments.of("terminal colour", "\u001b[31mRED.csv", "\\u001B[31mRED.csv"),
                Arguments.of("bell and DEL", "x\u0007\u007f", "x\\u0007\\u007F"),
                Arguments.of("C1 control", "x\u009by", "x\\u009By"),
                Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
                Arguments.of("right-to-left override", "cod\u202egnp.csv", "cod\\u202Egnp.csv"),
                Arguments.of("Welsh, accents and backslashes kept", "Heddlu De Cymru, Café, Łódź, C:\\in",
                        "Heddlu De Cymru, Café, Łódź, C:\\in"),
                Arguments.of("null", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void escapesWhatCouldForgeALineOrDriveATerminal(String what, String raw, String shown) {
        assertThat(Printable.escape(raw)).isEqualTo(shown);
    }

    /** Whatever the text, what is shown is one line holding no character that a terminal or a log reader acts on. */
    @Property
    void nothingUnsafeIsLeft(@ForAll String text) {
        String shown = Printable.escape(text);
        assertThat(shown.chars().noneMatch(c -> Printable.unsafe((char) c))).isTrue();
        assertThat(shown.lines().count()).isLessThanOrEqualTo(1);
    }

    @Property
    void safeTextIsReturnedAsItIs(@ForAll String text) {
        String safe = text.chars().filter(c -> !Printable.unsafe((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(Printable.escape(safe)).isSameAs(safe);
    }
}
