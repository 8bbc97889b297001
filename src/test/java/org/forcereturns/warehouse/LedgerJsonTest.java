package org.forcereturns.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger's small JSON columns: texts and counts come back as written, and a broken value names its column. */
class LedgerJsonTest {

    @Property(tries = 200)
    void textsComeBackAsWritten(@ForAll @Size(max = 8) List<@CharRange(from = '\u0000', to = '\u024f') String> texts) {
        assertThat(LedgerJson.readStrings(LedgerJson.writeStrings(texts), "texts")).isEqualTo(texts);
    }

    @Property(tries = 200)
    void countsComeBackInTheirOrder(@ForAll @Size(max = 8) List<String> names, @ForAll long count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), count + i);
        }
        assertThat(LedgerJson.readCounts(LedgerJson.writeCounts(counts), "counts"))
                .containsExactlyEntriesOf(counts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[\"a\"", "{\"a\": 1}", "[1]", "[\"a\"] []"})
    void textsThatAreNotAJsonArrayOfStringsNameTheirColumn(String text) {
        assertThatThrownBy(() -> LedgerJson.readStrings(text, "the ledger's ignored columns"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the ledger's ignored columns are not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"a\": 1", "[\"a\"]", "{\"a\": \"1\"}", "{\"a\": 1.5}", "{\"a\": 1} {}"})
    void countsThatAreNotAJsonObjectOfWholeNumbersNameTheirColumn(String text) {
        assertThatThrownBy(() -> LedgerJson.readCounts(text, "the ledger's table rows"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the ledger's table rows are not valid JSON");
    }
}
