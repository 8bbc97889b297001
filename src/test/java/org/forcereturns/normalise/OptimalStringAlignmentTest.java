package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimalStringAlignmentTest {

    @ParameterizedTest(name = "[{index}] {0} to {1} is {2}")
    @CsvSource({
            "snapchat,snapchat,0", "snapchta,snapchat,1", "snapchat,snapchatt,1", "snpchat,snapchat,1",
            "instagarm,instagram,1", "whatsap,whatsapp,1", "facebok,facebook,1", "single,signal,3",
            "thread,threads,1", "ca,abc,3", "'',abc,3", "abc,'',3", "kitten,sitting,3"})
    void measuresEditsWithAdjacentTranspositions(String a, String b, int expected) {
        assertThat(OptimalStringAlignment.distance(a, b, 10)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} to {1} exceeds {2}")
    @CsvSource({"snapchat,instagram,2", "abcdef,ghijkl,1", "a,abcd,2", "kitten,sitting,2"})
    void stopsAtTheBound(String a, String b, int max) {
        assertThat(OptimalStringAlignment.distance(a, b, max)).isEqualTo(max + 1);
    }

    @Property
    void isSymmetricAndZeroOnlyOnEqualStrings(
            @ForAll @AlphaChars @StringLength(max = 12) String a, @ForAll @AlphaChars @StringLength(max = 12) String b) {
        int d = OptimalStringAlignment.distance(a, b, 30);
        assertThat(OptimalStringAlignment.distance(b, a, 30)).isEqualTo(d);
        assertThat(d == 0).isEqualTo(a.equals(b));
        assertThat(d).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }

    @Property
    void anAdjacentSwapCostsOne(@ForAll @AlphaChars @StringLength(min = 2, max = 12) String a, @ForAll @IntRange(max = 100) int at) {
        int i = at % (a.length() - 1);
        String swapped = a.substring(0, i) + a.charAt(i + 1) + a.charAt(i) + a.substring(i + 2);
        assertThat(OptimalStringAlignment.distance(a, swapped, 5)).isEqualTo(a.charAt(i) == a.charAt(i + 1) ? 0 : 1);
    }

    @Property
    void theBoundNeverHidesASmallerDistance(
            @ForAll @AlphaChars @StringLength(max = 10) String a, @ForAll @AlphaChars @StringLength(max = 10) String b,
            @ForAll @IntRange(max = 4) int max) {
        int exact = OptimalStringAlignment.distance(a, b, 30);
        assertThat(OptimalStringAlignment.distance(a, b, max)).isEqualTo(Math.min(exact, max + 1));
    }
}
