package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimiterDetectorTest {

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '~', quoteCharacter = '\'', textBlock = """
            'Force,Date,Offence Code'            ~ ','  ~ comma
            'Force;Date;Offence Code'            ~ ';'  ~ semicolon
            'Force\tDate\tOffence Code'          ~ '\t' ~ tab
            'Force|Date|Offence Code'            ~ '|'  ~ pipe
            'Force'                              ~ ','  ~ no delimiter at all -> comma
            ''                                   ~ ','  ~ empty line -> comma
            'Force;Date;Code,Desc'               ~ ';'  ~ most frequent wins
            'a,b;c'                              ~ ','  ~ tie comma/semicolon -> comma
            'a;b\tc'                             ~ ';'  ~ tie semicolon/tab -> semicolon
            'a\tb|c'                             ~ '\t' ~ tie tab/pipe -> tab
            'a|b;c'                              ~ ';'  ~ tie semicolon/pipe -> semicolon
            '"a,b,c";d;e'                        ~ ';'  ~ delimiters inside quotes do not count
            '"x ""q"" ,,,";y|z'                  ~ ';'  ~ doubled quotes keep the quoted state (tie ; | -> ;)
            '"Force, Name"|"Date"|"Code, HO"'    ~ '|'  ~ quoted header with pipes
            """)
    void detectsTheDelimiterOfAHeaderLine(String header, String expected, String rule) {
        String line = header.replace("\\t", "\t");
        char want = expected.equals("\\t") ? '\t' : expected.charAt(0);
        assertThat(DelimiterDetector.detect(line)).as(rule).isEqualTo(want);
    }
}
