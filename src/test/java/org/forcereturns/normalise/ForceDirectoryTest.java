package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forcereturns.domain.Force;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForceDirectoryTest {

    private static final ForceDirectory FORCES = ForceDirectory.bundled();

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kent                                      | E23000032
            kent                                      | E23000032
            KENT POLICE                               | E23000032
            Kent Police Service                       | E23000032
            ' Kent '                                  | E23000032
            E23000032                                 | E23000032
            e23000032                                 | E23000032
            Metropolitan Police Service               | E23000001
            Metropolitan Police                       | E23000001
            The Met                                   | E23000001
            Met Police                                | E23000001
            MPS                                       | E23000001
            Cumbria Constabulary                      | E23000002
            Greater Manchester Police                 | E23000005
            GMP                                       | E23000005
            Devon & Cornwall                          | E23000035
            Devon and Cornwall Police                 | E23000035
            Devon & Cornwall Constabulary             | E23000035
            devon-and-cornwall                        | E23000035
            Avon and Somerset Constabulary            | E23000036
            Avon & Somerset                           | E23000036
            AVON/SOMERSET                             | E23000036
            Hampshire and Isle of Wight Constabulary  | E23000030
            Hampshire & IOW                           | E23000030
            Hampshire Constabulary                    | E23000030
            City of London Police                     | E23000034
            'London, City of'                         | E23000034
            Dyfed-Powys Police                        | W15000004
            Dyfed Powys                               | W15000004
            DyfedPowys                                | W15000004
            Humberside Constabulary                   | E23000012
            North Yorkshire                           | E23000009
            North-Yorkshire Police                    | E23000009
            West Yorkshire Police                     | E23000010
            South Wales Police                        | W15000003
            Lancs                                     | E23000003
            LANCS                                     | E23000003
            S Yorks                                   | E23000011
            S. Yorks                                  | E23000011
            South Yorks Police                        | E23000011
            N Yorks                                   | E23000009
            West Yorks                                | E23000010
            TVP                                       | E23000029
            NWP                                       | W15000001
            SWP                                       | W15000003
            DPP                                       | W15000004
            Heddlu Gwent                              | W15000002
            Heddlu Gogledd Cymru                      | W15000001
            Heddlu De Cymru                           | W15000003
            Heddlu Dyfed Powys                        | W15000004
            North Wales Police / Heddlu Gogledd Cymru | W15000001
            Gwent Police / Heddlu Gwent               | W15000002
            Dyfed-Powys Police/Heddlu Dyfed-Powys     | W15000004
            """)
    void matchesForceNamesAndVariants(String raw, String code) {
        assertThat(FORCES.lookup(raw)).isEqualTo(new ForceLookup.Found(FORCES.byCode(code).orElseThrow()));
    }

    /** The Welsh name and the English one, in either order, with or without the suffix. */
    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Heddlu Gogledd Cymru / North Wales Police | W15000001
            Heddlu Gwent/Gwent Police                 | W15000002
            Heddlu De Cymru / South Wales             | W15000003
            Heddlu Dyfed-Powys / Dyfed-Powys Police   | W15000004
            Gwent / Gwent Police                      | W15000002
            """)
    void matchesBothNamesOfAWelshForceInEitherOrder(String raw, String code) {
        assertThat(FORCES.lookup(raw)).isEqualTo(new ForceLookup.Found(FORCES.byCode(code).orElseThrow()));
    }

    /** Every name of every force in the bundled forces.csv finds that force and no other. */
    @Test
    void everyNameInTheReferenceFileFindsItsOwnForce() {
        List<ReferenceCsv.Row> rows = ReferenceCsv.fromClasspath("/reference/forces.csv",
                reader -> ReferenceCsv.read(reader, "forces.csv"));
        assertThat(rows).hasSize(43);
        for (ReferenceCsv.Row row : rows) {
            Force force = FORCES.byCode(row.get("force_code")).orElseThrow();
            List<String> names = new java.util.ArrayList<>(List.of(row.get("force_code"), row.get("force_name"),
                    row.get("full_name"), row.get("police_uk_slug")));
            names.addAll(List.of(row.get("known_variants").split("\\|")));
            names.removeIf(String::isBlank);
            for (String name : names) {
                assertThat(FORCES.lookup(name)).as("'%s'", name).isEqualTo(new ForceLookup.Found(force));
            }
        }
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is a totals row")
    @ValueSource(strings = {"Total", "TOTAL", "Grand Total", "grand total", "All forces", "ALL FORCES",
            "England and Wales", "England & Wales", "england and wales", "Totals"})
    void recognisesTotalsRows(String raw) {
        assertThat(FORCES.lookup(raw)).isEqualTo(ForceLookup.TOTALS_ROW);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is out of scope")
    @ValueSource(strings = {"British Transport Police", "BTP", "British Transport", "british transport police", "B.T.P."})
    void britishTransportPoliceIsOutOfScope(String raw) {
        assertThat(FORCES.lookup(raw)).isEqualTo(new ForceLookup.OutOfScope("British Transport Police"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is missing")
    @ValueSource(strings = {"", " ", "\t"})
    void blankIsMissing(String raw) {
        assertThat(FORCES.lookup(raw)).isEqualTo(ForceLookup.MISSING);
    }

    @Test
    void nullIsMissing() {
        assertThat(FORCES.lookup(null)).isEqualTo(ForceLookup.MISSING);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is unknown")
    @ValueSource(strings = {"Police Scotland", "Police Service of Northern Ireland", "Police", "Constabulary",
            "-", "Kentish", "Yorkshire", "Wales", "England", "E23000099", "Metropolitan Police Servic", "Total Police",
            "Yorks", "Heddlu", "Cymru", "Kent / Essex", "Gwent / South Wales", "Heddlu Gwent / Heddlu De Cymru",
            "/", "Lanc"})
    void othersAreUnknown(String raw) {
        assertThat(FORCES.lookup(raw)).isEqualTo(ForceLookup.UNKNOWN);
    }

    @Test
    void bundledDirectoryHoldsTheFortyThreeForcesInFileOrder() {
        List<Force> all = FORCES.all();
        assertThat(all).hasSize(43);
        assertThat(all.get(0)).isEqualTo(new Force("E23000001", "Metropolitan Police"));
        assertThat(all.get(42)).isEqualTo(new Force("W15000004", "Dyfed-Powys"));
        assertThat(all).extracting(Force::code).doesNotHaveDuplicates();
    }

    @Test
    void byCodeIgnoresCaseAndRejectsUnknownCodes() {
        assertThat(FORCES.byCode("w15000002")).contains(new Force("W15000002", "Gwent"));
        assertThat(FORCES.byCode("E23000099")).isEmpty();
        assertThat(FORCES.byCode(null)).isEmpty();
    }

    @Test
    void loadRefusesANameThatTwoForcesShare() {
        String csv = """
                force_code,force_name,full_name,police_uk_slug,country,known_variants
                E1,North,North Police,north,England,
                E2,South,South Police,south,England,North Constabulary
                """;
        assertThatThrownBy(() -> ForceDirectory.load(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("North Constabulary");
    }

    @Test
    void loadRefusesAFileWithoutTheRequiredColumns() {
        assertThatThrownBy(() -> ForceDirectory.load(new StringReader("code,name\nE1,North\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("force_code");
    }

    @Test
    void loadReadsAFileWithAByteOrderMark() {
        ForceDirectory directory = ForceDirectory.load(new StringReader(
                "\uFEFFforce_code,force_name,full_name,police_uk_slug,country,known_variants\nE1,North,,,England,Northern\n"));
        assertThat(directory.lookup("Northern Police")).isEqualTo(new ForceLookup.Found(new Force("E1", "North")));
    }

    @Property
    void everyForceMatchesWhateverTheCaseSpacingAndSuffix(@ForAll("renderedForces") Rendered rendered) {
        assertThat(FORCES.lookup(rendered.text())).isEqualTo(new ForceLookup.Found(rendered.force()));
    }

    record Rendered(Force force, String text) {
    }

    @Provide
    Arbitrary<Rendered> renderedForces() {
        Arbitrary<Force> force = Arbitraries.of(FORCES.all());
        Arbitrary<String> suffix = Arbitraries.of("", " Police", " Constabulary", " Police Service", " police");
        Arbitrary<Boolean> upper = Arbitraries.of(true, false);
        Arbitrary<String> pad = Arbitraries.of("", " ", "  ");
        return Combinators.combine(force, suffix, upper, pad).as((f, s, u, p) -> {
            // A name already ending in Police (Metropolitan Police) takes no second suffix.
            String name = f.name().replace(" ", p.isEmpty() ? " " : p) + (f.name().endsWith("Police") ? "" : s);
            return new Rendered(f, p + (u ? name.toUpperCase() : name.toLowerCase()) + p);
        });
    }
}
