package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

class CsvRecordReaderPropertiesTest {

    record Table(char delimiter, String recordSeparator, int columns, List<List<String>> rows) {
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Character> delimiters = Arbitraries.of(',', ';', '\t', '|');
        Arbitrary<String> separators = Arbitraries.of("\r\n", "\n");
        Arbitrary<String> tricky = Arbitraries.strings().withChars(" \t\r\n\",;|'#ab").ofMaxLength(8);
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(10);
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, tricky), Tuple.of(1, anyText));
        return Combinators.combine(delimiters, separators, Arbitraries.integers().between(2, 5))
                .flatAs((d, sep, cols) -> value.list().ofSize(cols).list().ofMaxSize(15)
                        .map(rows -> new Table(d, sep, cols, rows)));
    }

    /**
     * Anything Commons CSV writes, with any of the four delimiters, reads back to the same trimmed
     * fields, the exact raw text and the right physical line numbers; rows that are empty after trimming
     * are skipped.
     */
    @Property(tries = 400)
    void readsBackWhatCommonsCsvWrites(@ForAll("tables") Table t) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(t.delimiter()).setRecordSeparator(t.recordSeparator()).get();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int c = 1; c <= t.columns(); c++) {
            header.add("col" + c);
        }
        List<CsvRecord> expected = new ArrayList<>();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header);
            long line = 2;
            for (List<String> row : t.rows()) {
                int start = out.length();
                printer.printRecord(row);
                String printed = out.substring(start);
                String raw = printed.substring(0, printed.length() - t.recordSeparator().length());
                List<String> trimmed = row.stream().map(CsvRecordReaderPropertiesTest::stripWhitespace).toList();
                if (trimmed.stream().anyMatch(v -> !v.isEmpty())) {
                    expected.add(new CsvRecord(line, trimmed, raw, null));
                }
                line += lineBreaks(printed);
            }
        }
        String text = out.toString();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            assertThat(reader.delimiter()).isEqualTo(t.delimiter());
            assertThat(reader.header().fields()).isEqualTo(header);
            assertThat(CsvRecordReaderTest.readAll(reader)).containsExactlyElementsOf(expected);
            assertThat(reader.linesRead()).isEqualTo(lineBreaks(text));
        }
    }

    /**
     * Reading only some columns changes nothing but those columns' non-empty values, which may be the shared
     * placeholder: the same records, raw texts, line numbers and reasons, on any input however broken.
     */
    @Property(tries = 1000)
    void readingSomeColumnsOnlyChangesTheOthersNonEmptyValues(@ForAll("messyText") String text,
                                                             @ForAll @IntRange(min = 0, max = 15) int columnMask)
            throws IOException {
        BitSet read = BitSet.valueOf(new long[] {columnMask});
        List<CsvRecord> all;
        List<CsvRecord> some;
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), 3, 1 << 20)) {
            all = CsvRecordReaderTest.readAll(reader);
        }
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), 3, 1 << 20)) {
            reader.readOnly(read);
            some = CsvRecordReaderTest.readAll(reader);
        }
        assertThat(some).hasSameSizeAs(all);
        for (int i = 0; i < all.size(); i++) {
            CsvRecord a = all.get(i);
            CsvRecord s = some.get(i);
            assertThat(List.of(s.lineNumber(), s.raw(), String.valueOf(s.malformedReason()), s.size()))
                    .isEqualTo(List.of(a.lineNumber(), a.raw(), String.valueOf(a.malformedReason()), a.size()));
            for (int c = 0; c < a.size(); c++) {
                if (read.get(c) || a.field(c).isEmpty() || s.field(c) != CsvRecordReader.UNREAD) {
                    assertThat(s.field(c)).as("column %d of %s", c, a).isEqualTo(a.field(c));
                }
            }
        }
    }

    /** Contract section 3: every whitespace character at either end of a value goes, Unicode spaces included. */
    private static String stripWhitespace(String v) {
        int from = 0;
        int to = v.length();
        while (from < to && (Character.isWhitespace(v.charAt(from)) || Character.isSpaceChar(v.charAt(from)))) {
            from++;
        }
        while (to > from && (Character.isWhitespace(v.charAt(to - 1)) || Character.isSpaceChar(v.charAt(to - 1)))) {
            to--;
        }
        return v.substring(from, to);
    }

    @Provide
    Arbitrary<String> messyText() {
        return Arbitraries.strings().withChars("ab ,;\"\r\n\t|").ofMaxLength(120);
    }

    /**
     * On any input, however broken: line numbers increase, linesRead is the physical line count, and
     * every physical line with some content is covered by the header or a returned record (rejects
     * never vanish).
     */
    @Property(tries = 1000)
    void neverLosesALine(@ForAll("messyText") String text) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        long linesRead;
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), 3, 1 << 20)) {
            if (reader.header() != null) {
                records.add(reader.header());
            }
            records.addAll(CsvRecordReaderTest.readAll(reader));
            linesRead = reader.linesRead();
        }
        List<String> lines = physicalLines(text);
        assertThat(linesRead).isEqualTo(lines.size());
        BitSet covered = new BitSet();
        long previous = 0;
        for (CsvRecord r : records) {
            assertThat(r.lineNumber()).isGreaterThan(previous).isLessThanOrEqualTo(lines.size());
            previous = r.lineNumber();
            int span = r.malformedReason() != null && r.malformedReason().equals(CsvRecord.UNTERMINATED_QUOTE)
                    ? 0 : lineBreaks(r.raw());
            covered.set((int) r.lineNumber(), (int) r.lineNumber() + span + 1);
            if (r.malformedReason() == null || !r.malformedReason().equals(CsvRecord.UNTERMINATED_QUOTE)) {
                assertThat(text).contains(r.raw());
            } else {
                assertThat(lines.get((int) r.lineNumber() - 1)).isEqualTo(r.raw());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).chars().anyMatch(c -> " \t,;|\"".indexOf(c) < 0)) {
                assertThat(covered.get(i + 1)).as("line %d '%s' covered", i + 1, lines.get(i)).isTrue();
            }
        }
    }

    /** Line breaks as the reader counts them: CRLF, LF or a lone CR. */
    static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    static List<String> physicalLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(s.substring(start, i));
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
