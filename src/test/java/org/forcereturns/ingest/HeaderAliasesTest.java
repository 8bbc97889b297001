package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderAliasesTest {

    /** Contract section 2, copied by hand: the data file must say exactly this. */
    static final Map<Field, List<String>> CONTRACT = Map.of(
            Field.FORCE, List.of("Force", "Force Name", "Police Force", "Reporting Force", "Police Force Area", "PFA"),
            Field.CRIME_REFERENCE, List.of("Crime Reference", "Crime Ref", "Crime Number", "Crime ID", "CRN", "URN"),
            Field.RECORDED_DATE, List.of("Date Recorded", "Recorded Date", "Recorded On", "Date Crime Recorded", "Date"),
            Field.FINANCIAL_YEAR, List.of("Financial Year", "FY"),
            Field.FINANCIAL_QUARTER, List.of("Financial Quarter", "Quarter", "FQ"),
            Field.MONTH, List.of("Month"),
            Field.OFFENCE_CODE, List.of("Offence Code", "HO Offence Code", "Home Office Code", "HO Code", "Crime Code"),
            Field.OFFENCE_DESCRIPTION, List.of("Offence Description", "Offence", "Crime Type"),
            Field.PLATFORM, List.of("Platform", "Platform Used", "Online Platform", "App", "Website/App", "Site/App", "Method"),
            Field.COUNT, List.of("Number of Offences", "No. of Offences", "No of Offences", "Offence Count", "Offences",
                    "Total Offences", "Count", "Number", "Volume"));

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(textBlock = """
            FORCE,               Force
            FORCE,               Force Name
            FORCE,               Police Force
            FORCE,               Reporting Force
            FORCE,               Police Force Area
            FORCE,               PFA
            CRIME_REFERENCE,     Crime Reference
            CRIME_REFERENCE,     Crime Ref
            CRIME_REFERENCE,     Crime Number
            CRIME_REFERENCE,     Crime ID
            CRIME_REFERENCE,     CRN
            CRIME_REFERENCE,     URN
            RECORDED_DATE,       Date Recorded
            RECORDED_DATE,       Recorded Date
            RECORDED_DATE,       Recorded On
            RECORDED_DATE,       Date Crime Recorded
            RECORDED_DATE,       Date
            FINANCIAL_YEAR,      Financial Year
            FINANCIAL_YEAR,      FY
            FINANCIAL_QUARTER,   Financial Quarter
            FINANCIAL_QUARTER,   Quarter
            FINANCIAL_QUARTER,   FQ
            MONTH,               Month
            OFFENCE_CODE,        Offence Code
            OFFENCE_CODE,        HO Offence Code
            OFFENCE_CODE,        Home Office Code
            OFFENCE_CODE,        HO Code
            OFFENCE_CODE,        Crime Code
            OFFENCE_DESCRIPTION, Offence Description
            OFFENCE_DESCRIPTION, Offence
            OFFENCE_DESCRIPTION, Crime Type
            PLATFORM,            Platform
            PLATFORM,            Platform Used
            PLATFORM,            Online Platform
            PLATFORM,            App
            PLATFORM,            Website/App
            PLATFORM,            Site/App
            PLATFORM,            Method
            COUNT,               Number of Offences
            COUNT,               No. of Offences
            COUNT,               No of Offences
            COUNT,               Offence Count
            COUNT,               Offences
            COUNT,               Total Offences
            COUNT,               Count
            COUNT,               Number
            COUNT,               Volume
            """)
    void everyContractAliasResolvesInEveryWriting(Field field, String alias) {
        HeaderAliases aliases = HeaderAliases.bundled();
        String snake = alias.toLowerCase().replace(' ', '_');
        String kebabUpper = alias.toUpperCase().replace(' ', '-');
        String dotted = alias.replace(' ', '.');
        String squashed = alias.replace(" ", "").replace("/", "");
        for (String written : List.of(alias, snake, kebabUpper, dotted, squashed, "  " + alias + "  ",
                "\uFEFF" + alias, "\"" + alias + "\"", alias.replace(' ', '\u00A0'))) {
            assertThat(aliases.lookup(written)).as("'%s'", written).contains(field);
        }
    }

    /**
     * Compared as header names compare: {@code No. of Offences} and {@code No of Offences} are one alias, and the
     * loader refuses an alias listed twice, so the file lists the first spelling only.
     */
    @Test
    void dataFileMatchesTheContractTableExactly() {
        HeaderAliases aliases = HeaderAliases.bundled();
        int total = 0;
        for (Field f : Field.values()) {
            List<String> contract = CONTRACT.get(f).stream().map(HeaderAliases::normalize).distinct().toList();
            assertThat(aliases.aliasesOf(f)).as("%s", f).extracting(HeaderAliases::normalize)
                    .containsExactlyInAnyOrderElementsOf(contract);
            total += contract.size();
        }
        assertThat(aliases.size()).isEqualTo(total);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(textBlock = """
            Offence,           OFFENCE_DESCRIPTION
            Offences,          COUNT
            Offence Count,     COUNT
            Offence Code,      OFFENCE_CODE
            Date,              RECORDED_DATE
            Method,            PLATFORM
            Number,            COUNT
            Total Offences,    COUNT
            Volume,            COUNT
            Crime Code,        OFFENCE_CODE
            Crime Type,        OFFENCE_DESCRIPTION
            Crime Ref,         CRIME_REFERENCE
            """)
    void overlappingAliasesAreTakenWhole(String name, Field field) {
        assertThat(HeaderAliases.bundled().lookup(name)).contains(field);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(textBlock = """
            Offence Type
            Dates
            Numbers
            Force Code
            Notes
            ''
            """)
    void unlistedNamesDoNotResolve(String name) {
        assertThat(HeaderAliases.bundled().lookup(name == null ? "" : name)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            'Offence Code'       | offencecode
            ' HO_Offence-Code. ' | hooffencecode
            'Website/App'        | websiteapp
            '\uFEFF"Force"'      | force
            'FORCE'              | force
            """)
    void normalizes(String name, String key) {
        assertThat(HeaderAliases.normalize(name)).isEqualTo(key);
    }

    @Test
    void loadsAnExtraAliasFromOneLine() throws IOException {
        HeaderAliases a = HeaderAliases.load(new StringReader("field,alias\nFORCE,Force\nplatform,Social Media Site\n"));
        assertThat(a.lookup("social_media_site")).contains(Field.PLATFORM);
        assertThat(a.lookup("force")).contains(Field.FORCE);
        assertThat(a.size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', textBlock = """
            'name,alias\\nFORCE,Force'               | header must be 'field,alias'     | wrong header
            ''                                      | input is empty                   | empty file
            'field,alias\\nFORCE'                    | line 2                           | missing alias
            'field,alias\\nFORCE,Force,x'            | expected 2 fields, found 3       | extra field
            'field,alias\\nFORCES,Force'             | unknown field 'FORCES'           | unknown field
            'field,alias\\nFORCE,\" _ \"'            | empty alias                      | alias empty after normalisation
            'field,alias\\nFORCE,Force\\nCOUNT,force' | already given for FORCE on line 2 | alias listed twice
            'field,alias\\nFORCE,\"Force'            | unterminated quoted field        | broken quote
            """)
    void rejectsABadAliasFileNamingTheLine(String text, String message, String rule) {
        String csv = text.replace("\\n", "\n");
        assertThatThrownBy(() -> HeaderAliases.load(new StringReader(csv)))
                .as(rule)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void bundledIsLoadedOnce() {
        assertThat(HeaderAliases.bundled()).isSameAs(HeaderAliases.bundled());
        List<String> all = new ArrayList<>();
        for (Field f : Field.values()) {
            all.addAll(HeaderAliases.bundled().aliasesOf(f));
        }
        assertThat(all).doesNotHaveDuplicates();
    }
}
