package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.forcereturns.domain.OffenceCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OffenceCodeParserTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            86/2       | 86/2
            086/02     | 86/2
            86 / 2     | 86/2
            86-2       | 86/2
            86.2       | 86/2
            08602      | 86/2
            08610      | 86/10
            086/10     | 86/10
            86/15      | 86/15
            86.15      | 86/15
            86-010     | 86/10
            ' 86/2 '   | 86/2
            8N/1       | 8N/1
            8n/01      | 8N/1
            008N/1     | 8N/1
            105A/2     | 105A/2
            105a-2     | 105A/2
            0/0        | 0/0
            000/00     | 0/0
            00000      | 0/0
            86/00      | 86/0
            71/17      | 71/17
            """)
    void normalisesEveryAcceptedForm(String raw, String canonical) {
        assertThat(OffenceCodeParser.parse(raw)).contains(OffenceCode.of(canonical));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is no offence code")
    @ValueSource(strings = {"", " ", "86", "8602", "086020", "86/", "/2", "86//2", "86/2/1", "86_2", "86 2",
            "86/2a", "AB/2", "8NN/1", "1234/1", "86/1234", "N/A", "Indecent images", "86/-2", "-86/2", "86,2"})
    void rejectsAnythingElse(String raw) {
        assertThat(OffenceCodeParser.parse(raw)).isEmpty();
    }

    @Test
    void nullIsNoCode() {
        assertThat(OffenceCodeParser.parse(null)).isEmpty();
    }

    @Property
    void anyRenderingOfAValidCodeNormalisesBackToIt(
            @ForAll @IntRange(min = 0, max = 999) int offenceClass, @ForAll @IntRange(min = 0, max = 99) int sub,
            @ForAll("separators") String separator, @ForAll @IntRange(min = 0, max = 2) int classPadding,
            @ForAll @IntRange(min = 0, max = 1) int subPadding) {
        OffenceCode expected = new OffenceCode(String.valueOf(offenceClass), String.valueOf(sub));
        String rendered = "0".repeat(classPadding) + offenceClass + separator + "0".repeat(subPadding) + sub;
        if (rendered.replaceAll("\\D", "").length() > 6 || classPadding + String.valueOf(offenceClass).length() > 3) {
            rendered = offenceClass + separator + sub;
        }
        assertThat(OffenceCodeParser.parse(rendered)).as(rendered).contains(expected);
    }

    @Property
    void theCompactFiveDigitFormNormalisesBackToTheCode(
            @ForAll @IntRange(min = 0, max = 999) int offenceClass, @ForAll @IntRange(min = 0, max = 99) int sub) {
        String rendered = String.format("%03d%02d", offenceClass, sub);
        assertThat(OffenceCodeParser.parse(rendered)).as(rendered)
                .contains(new OffenceCode(String.valueOf(offenceClass), String.valueOf(sub)));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("/", " / ", "-", ".", " /", "/ ");
    }

    @Test
    void defaultScopeIsTheThreeImageOffences() {
        OffenceScope scope = OffenceScope.defaultScope();
        assertThat(scope.codes()).containsExactly(OffenceCode.of("86/2"), OffenceCode.of("86/10"), OffenceCode.of("86/15"));
        assertThat(scope.contains(OffenceCode.of("86/10"))).isTrue();
        assertThat(scope.contains(OffenceCode.of("86/11"))).isFalse();
        assertThat(scope.contains(OffenceCode.of("71/17"))).isFalse();
    }

    @Test
    void scopeAcceptsCodesInAnyForm() {
        OffenceScope scope = OffenceScope.of(List.of("086/02", "08610", "86/2"));
        assertThat(scope.codes()).containsExactly(OffenceCode.of("86/2"), OffenceCode.of("86/10"));
    }

    @Test
    void scopeNamesABadCode() {
        assertThatThrownBy(() -> OffenceScope.of(List.of("86/2", "86 slash 10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("86 slash 10");
    }

    @Test
    void anEmptyScopeIsAConfigurationMistake() {
        assertThatThrownBy(() -> OffenceScope.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopeFileMustSayTrueOrFalse() {
        String csv = "offence_code,in_scope\n86/2,true\n86/10,yes\n";
        assertThatThrownBy(() -> OffenceScope.load(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void scopeCodesCannotBeModified() {
        assertThatThrownBy(() -> OffenceScope.defaultScope().codes().add(OffenceCode.of("1/1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
