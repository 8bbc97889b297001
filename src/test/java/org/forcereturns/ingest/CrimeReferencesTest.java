package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrimeReferencesTest {

    @ParameterizedTest(name = "{0} then {1}: duplicate = {2}")
    @CsvSource({
            "KNT/23/000001, KNT/23/000001, true",
            "KNT/23/000001, knt/23/000001, true",
            "KNT/23/000001, KNT/23/000002, false",
            "ab-1,          AB-1,          true",
            "ab-1,          'ab-1 ',       false",
    })
    void referencesAreComparedWithoutRegardToCase(String first, String second, boolean duplicate) {
        CrimeReferences seen = new CrimeReferences();
        assertThat(seen.add(first)).isTrue();
        assertThat(seen.add(second)).isEqualTo(!duplicate);
    }

    /** The table grows many times over; every answer must be what a plain set of upper-cased texts gives. */
    @Property(tries = 200)
    void answersAsASetOfUpperCasedTexts(@ForAll @Size(max = 3000) List<@StringLength(max = 6) String> texts,
                                        @ForAll @IntRange(min = 0, max = 100_000) int numberedFrom) {
        CrimeReferences seen = new CrimeReferences();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            // Half sequentially numbered references (their hashes are sequential too), half arbitrary text.
            String reference = i % 2 == 0 ? "REF/" + (numberedFrom + i / 4) : texts.get(i);
            assertThat(seen.add(reference)).as(reference).isEqualTo(expected.add(reference.toUpperCase(Locale.ROOT)));
        }
    }
}
