package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.forcereturns.domain.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderMappingTest {

    private static HeaderResolution resolve(String header) {
        return HeaderMapping.resolve(Arrays.asList(header.split("\\|", -1)), HeaderAliases.bundled());
    }

    private static HeaderMapping mapping(String header) {
        HeaderResolution r = resolve(header);
        assertThat(r).isInstanceOf(HeaderResolution.Resolved.class);
        return ((HeaderResolution.Resolved) r).mapping();
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = ';', textBlock = """
            Force|Crime Ref|Date Recorded|Offence Code|Platform            ; RECORD ; RECORDED_DATE  ; record layout by date
            Force|Month|HO Code|Number of Offences                         ; COUNT  ; MONTH          ; count layout by month
            PFA|FY|Quarter|Offence Code|Offences                           ; COUNT  ; FINANCIAL_YEAR ; count layout by financial year and quarter
            Police Force|Financial Year|Crime Code|App|Count               ; COUNT  ; FINANCIAL_YEAR ; count layout by financial year only
            Force|Financial Year|Offence Code                              ; RECORD ; FINANCIAL_YEAR ; record layout with only a financial year
            Force|Financial Year|Month|Date|Offence Code                   ; RECORD ; RECORDED_DATE  ; recorded_date wins over month and financial year
            Force|Financial Year|Month|Offence Code|Number                 ; COUNT  ; MONTH          ; month wins over financial year
            force_name|recorded_on|ho_offence_code|offence                 ; RECORD ; RECORDED_DATE  ; snake case; Offence is a description
            Force|Date|Offence Code|Offence|Offences                       ; COUNT  ; RECORDED_DATE  ; Offences is a count
            Force|Month|Offence Code|Platform|No. of Offences              ; COUNT  ; MONTH          ; No. of Offences is a count
            Force|Month|Offence Code|Platform|No of Offences               ; COUNT  ; MONTH          ; No of Offences is a count
            Force|FY|Quarter|Offence Code|Total Offences                   ; COUNT  ; FINANCIAL_YEAR ; Total Offences is a count
            Force|Month|Offence Code|Offence|Volume                        ; COUNT  ; MONTH          ; Volume is a count
            """)
    void detectsLayoutAndPeriodForm(String header, Layout layout, PeriodForm form, String rule) {
        HeaderMapping m = mapping(header);
        assertThat(m.layout()).as(rule).isEqualTo(layout);
        assertThat(m.periodForm()).as(rule).isEqualTo(form);
        assertThat(m.columnCount()).isEqualTo(header.split("\\|", -1).length);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = ';', textBlock = """
            Crime Ref|Date|Offence Code              ; force                                                       ; no force
            Force|Date|Platform                      ; offence_code                                                ; no offence code
            Force|Offence Code|Quarter|Platform      ; a period (recorded_date, month or financial_year)           ; quarter alone is no period
            Notes|Platform                           ; force|offence_code|a period (recorded_date, month or financial_year) ; nothing required
            ''                                       ; force|offence_code|a period (recorded_date, month or financial_year) ; empty header
            Forces|Offences Code|Dates               ; force|offence_code|a period (recorded_date, month or financial_year) ; near misses do not count
            """)
    void reportsMissingRequiredColumns(String header, String missing, String rule) {
        HeaderResolution r = resolve(header == null ? "" : header);
        assertThat(r).as(rule).isInstanceOf(HeaderResolution.Missing.class);
        assertThat(((HeaderResolution.Missing) r).missing()).as(rule).containsExactly(missing.split("\\|"));
    }

    @Test
    void indexesAndHeaderNamesAreTheFilesOwn() {
        HeaderMapping m = mapping("Notes|\uFEFF\"Police Force\"|Recorded_Date|HO-Offence-Code|Website/App|Number of Offences");
        assertThat(m.index(Field.FORCE)).isEqualTo(1);
        assertThat(m.index(Field.RECORDED_DATE)).isEqualTo(2);
        assertThat(m.index(Field.OFFENCE_CODE)).isEqualTo(3);
        assertThat(m.index(Field.PLATFORM)).isEqualTo(4);
        assertThat(m.index(Field.COUNT)).isEqualTo(5);
        assertThat(m.index(Field.CRIME_REFERENCE)).isEqualTo(-1);
        assertThat(m.has(Field.PLATFORM)).isTrue();
        assertThat(m.has(Field.MONTH)).isFalse();
        assertThat(m.headerName(Field.OFFENCE_CODE)).isEqualTo("HO-Offence-Code");
        assertThat(m.headerName(Field.FORCE)).isEqualTo("\uFEFF\"Police Force\"");
        assertThat(m.headerName(Field.MONTH)).isNull();
        assertThat(m.ignoredColumns()).containsExactly("Notes");
        assertThat(m.layout()).isEqualTo(Layout.COUNT);
    }

    @Test
    void firstColumnWinsWhenTwoMapToTheSameField() {
        HeaderMapping m = mapping("Force Name|PFA|Date|Recorded Date|Offence Code|Crime Code");
        assertThat(m.index(Field.FORCE)).isZero();
        assertThat(m.index(Field.RECORDED_DATE)).isEqualTo(2);
        assertThat(m.index(Field.OFFENCE_CODE)).isEqualTo(4);
        assertThat(m.headerName(Field.FORCE)).isEqualTo("Force Name");
        assertThat(m.ignoredColumns()).containsExactly("PFA", "Recorded Date", "Crime Code");
    }

    @Test
    void valueReadsAFieldFromARecord() {
        HeaderMapping m = mapping("Force|Date|Offence Code|Platform");
        List<String> fields = List.of("Kent", "2024-05-01", "86/2", "Snapchat");
        assertThat(m.value(fields, Field.PLATFORM)).isEqualTo("Snapchat");
        assertThat(m.value(fields, Field.CRIME_REFERENCE)).isNull();
        assertThat(m.value(List.of("Kent"), Field.OFFENCE_CODE)).isNull();
    }

    @Test
    void resolvesAHeaderReadByTheRecordReader() throws Exception {
        try (CsvRecordReader r = new CsvRecordReader(new java.io.StringReader(
                "\"Reporting Force\";\"Financial Year\";\"Financial Quarter\";\"HO Offence Code\";\"Number of Offences\"\n"))) {
            HeaderMapping m = ((HeaderResolution.Resolved) HeaderMapping.resolve(r.header().fields(), HeaderAliases.bundled())).mapping();
            assertThat(m.layout()).isEqualTo(Layout.COUNT);
            assertThat(m.periodForm()).isEqualTo(PeriodForm.FINANCIAL_YEAR);
            assertThat(m.index(Field.FINANCIAL_QUARTER)).isEqualTo(2);
        }
    }
}
