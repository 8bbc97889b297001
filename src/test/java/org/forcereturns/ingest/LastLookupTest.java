package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class LastLookupTest {

    /** Same answers as the look-up itself; the look-up runs once per run of equal texts, not once per text. */
    @Property(tries = 300)
    void answersAsTheLookUpAndAsksItOncePerRunOfEqualTexts(
            @ForAll @Size(max = 40) List<@StringLength(max = 2) String> texts) {
        List<String> asked = new ArrayList<>();
        LastLookup<Integer> lookup = new LastLookup<>(t -> {
            asked.add(t);
            return t.hashCode() * 7 + t.length();
        });
        List<String> runs = new ArrayList<>();
        for (String t : texts) {
            assertThat(lookup.get(t)).isEqualTo(t.hashCode() * 7 + t.length());
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(t)) {
                runs.add(t);
            }
        }
        assertThat(asked).isEqualTo(runs);
    }
}
