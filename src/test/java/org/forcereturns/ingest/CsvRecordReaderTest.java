package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.ingest.CsvRecord.TEXT_AFTER_QUOTE;
import static org.forcereturns.ingest.CsvRecord.UNTERMINATED_QUOTE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.forcereturns.intake.EncodingSniffer;
import org.forcereturns.intake.TextEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvRecordReaderTest {

    static CsvRecord rec(long line, String raw, String reason, String... fields) {
        return new CsvRecord(line, Arrays.asList(fields), raw, reason);
    }

    static CsvRecord ok(long line, String raw, String... fields) {
        return rec(line, raw, null, fields);
    }

    static List<String> h(String... names) {
        return List.of(names);
    }

    static Arguments row(String rule, String input, List<String> header, char delimiter, long linesRead, CsvRecord... records) {
        return Arguments.of(rule, input, header, delimiter, linesRead, List.of(records));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("comma", "a,b\n1,2\n", h("a", "b"), ',', 2, ok(2, "1,2", "1", "2")),
                row("semicolon", "a;b\n1;2\n", h("a", "b"), ';', 2, ok(2, "1;2", "1", "2")),
                row("tab", "a\tb\n1\t2\n", h("a", "b"), '\t', 2, ok(2, "1\t2", "1", "2")),
                row("pipe", "a|b\n1|2\n", h("a", "b"), '|', 2, ok(2, "1|2", "1", "2")),
                row("other candidates are plain text", "a;b\n1,5;x|y\n", h("a", "b"), ';', 2, ok(2, "1,5;x|y", "1,5", "x|y")),
                row("quoted delimiter", "a,b\n\"x,y\",2\n", h("a", "b"), ',', 2, ok(2, "\"x,y\",2", "x,y", "2")),
                row("doubled quotes", "a,b\n\"say \"\"hi\"\"\",2\n", h("a", "b"), ',', 2,
                        ok(2, "\"say \"\"hi\"\"\",2", "say \"hi\"", "2")),
                row("quoted field of only a doubled quote", "a,b\n\"\"\"\",2\n", h("a", "b"), ',', 2, ok(2, "\"\"\"\",2", "\"", "2")),
                row("quoted empty field", "a,b\n\"\",2\n", h("a", "b"), ',', 2, ok(2, "\"\",2", "", "2")),
                row("quoted LF inside a field; next record numbered physically", "a,b\n\"l1\nl2\",2\n3,4\n", h("a", "b"), ',', 4,
                        ok(2, "\"l1\nl2\",2", "l1\nl2", "2"), ok(4, "3,4", "3", "4")),
                row("quoted CRLF inside a field counts as one line", "a,b\r\n\"l1\r\nl2\",2\r\n3,4\r\n", h("a", "b"), ',', 4,
                        ok(2, "\"l1\r\nl2\",2", "l1\r\nl2", "2"), ok(4, "3,4", "3", "4")),
                row("quoted lone CR inside a field", "a,b\n\"l1\rl2\",2\n3,4\n", h("a", "b"), ',', 4,
                        ok(2, "\"l1\rl2\",2", "l1\rl2", "2"), ok(4, "3,4", "3", "4")),
                row("quoted delimiter in the header", "\"a,1\",b\n1,2\n", h("a,1", "b"), ',', 2, ok(2, "1,2", "1", "2")),
                row("CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", h("a", "b"), ',', 3, ok(2, "1,2", "1", "2"), ok(3, "3,4", "3", "4")),
                row("LF line ends", "a,b\n1,2\n3,4\n", h("a", "b"), ',', 3, ok(2, "1,2", "1", "2"), ok(3, "3,4", "3", "4")),
                row("lone CR line ends", "a,b\r1,2\r3,4\r", h("a", "b"), ',', 3, ok(2, "1,2", "1", "2"), ok(3, "3,4", "3", "4")),
                row("mixed line ends", "a,b\r\n1,2\n3,4\r5,6", h("a", "b"), ',', 4,
                        ok(2, "1,2", "1", "2"), ok(3, "3,4", "3", "4"), ok(4, "5,6", "5", "6")),
                row("no final line terminator", "a,b\n1,2", h("a", "b"), ',', 2, ok(2, "1,2", "1", "2")),
                row("blank lines skipped, numbering physical", "\n\na,b\n\n1,2\n   \n\t\n3,4\n\n", h("a", "b"), ',', 9,
                        ok(5, "1,2", "1", "2"), ok(8, "3,4", "3", "4")),
                row("blank CRLF lines skipped", "a,b\r\n\r\n\r\n1,2\r\n", h("a", "b"), ',', 4, ok(4, "1,2", "1", "2")),
                row("all-empty lines skipped", "a,b,c\n,,\n1,2,3\n , ,\t\n\"\",\"\", \"\" \n4,5,6\n", h("a", "b", "c"), ',', 6,
                        ok(3, "1,2,3", "1", "2", "3"), ok(6, "4,5,6", "4", "5", "6")),
                row("all-empty line of the wrong width still skipped", "a,b,c\n,,,,\n1,2,3", h("a", "b", "c"), ',', 3,
                        ok(3, "1,2,3", "1", "2", "3")),
                row("blank and separator-only lines before the header", " \n;;\n\"\"\na;b\n1;2", h("a", "b"), ';', 5,
                        ok(5, "1;2", "1", "2")),
                row("header only", "a,b\n", h("a", "b"), ',', 1),
                row("header then blank lines only", "a,b\n\n,\n", h("a", "b"), ',', 3),
                row("trimming of spaces and tabs", "a,b\n  x  ,\t y \t\n", h("a", "b"), ',', 2, ok(2, "  x  ,\t y \t", "x", "y")),
                row("trimming inside and around quotes", "a,b\n  \" x \" , y\n", h("a", "b"), ',', 2,
                        ok(2, "  \" x \" , y", "x", "y")),
                row("header trimmed", " a , b \n1,2\n", h("a", "b"), ',', 2, ok(2, "1,2", "1", "2")),
                row("tab delimiter: it separates fields, and tabs inside quotes are trimmed like spaces",
                        "a\tb\n\" x\t\"\t y \n", h("a", "b"), '\t', 2, ok(2, "\" x\t\"\t y ", "x", "y")),
                row("quoted value ending in a line break is trimmed", "a,b\n\"Snapchat\n\",2\n", h("a", "b"), ',', 3,
                        ok(2, "\"Snapchat\n\",2", "Snapchat", "2")),
                row("quoted CRLF, tabs and spaces at both ends trimmed, inner ones kept",
                        "a,b\r\n\"\r\n\tSnap\r\nchat \r\n\",2\r\n", h("a", "b"), ',', 5,
                        ok(2, "\"\r\n\tSnap\r\nchat \r\n\",2", "Snap\r\nchat", "2")),
                row("no-break spaces at the ends trimmed, quoted or not", "a,b\n\u00a0x\u00a0,\" y\u00a0\"\n", h("a", "b"), ',', 2,
                        ok(2, "\u00a0x\u00a0,\" y\u00a0\"", "x", "y")),
                row("a quoted value of only whitespace is empty", "a,b\n\" \n\t\",2\n", h("a", "b"), ',', 3,
                        ok(2, "\" \n\t\",2", "", "2")),
                row("tab delimiter: empty fields kept", "a\tb\tc\n1\t\t3\n", h("a", "b", "c"), '\t', 2, ok(2, "1\t\t3", "1", "", "3")),
                row("trailing delimiter makes an empty last field", "a,b,\n1,2,\n", h("a", "b", ""), ',', 2, ok(2, "1,2,", "1", "2", "")),
                row("too few fields", "a,b,c\n1,2\n5,6,7\n", h("a", "b", "c"), ',', 3,
                        rec(2, "1,2", "expected 3 fields, found 2", "1", "2"), ok(3, "5,6,7", "5", "6", "7")),
                row("too many fields", "a,b,c\n1,2,3,4\n5,6,7\n", h("a", "b", "c"), ',', 3,
                        rec(2, "1,2,3,4", "expected 3 fields, found 4", "1", "2", "3", "4"), ok(3, "5,6,7", "5", "6", "7")),
                row("one-column header", "a\n1\n1,2\n", h("a"), ',', 3, ok(2, "1", "1"), rec(3, "1,2", "expected 1 field, found 2", "1", "2")),
                row("text after closing quote", "a,b\n\"x\"y,2\n3,4\n", h("a", "b"), ',', 3,
                        rec(2, "\"x\"y,2", TEXT_AFTER_QUOTE, "xy", "2"), ok(3, "3,4", "3", "4")),
                row("text after closing quote and a space", "a,b\n\"x\" y,2\n", h("a", "b"), ',', 2,
                        rec(2, "\"x\" y,2", TEXT_AFTER_QUOTE, "x y", "2")),
                row("spaces after closing quote are fine", "a,b\n\"x\"  ,\"y\"  \n", h("a", "b"), ',', 2, ok(2, "\"x\"  ,\"y\"  ", "x", "y")),
                row("quote inside an unquoted field is literal", "a,b\nab\"c,2\"\n", h("a", "b"), ',', 2, ok(2, "ab\"c,2\"", "ab\"c", "2\"")),
                row("unterminated quote mid-file recovers at the next line", "a,b\n1,2\n\"broken,3\n4,5\n6,7\n", h("a", "b"), ',', 5,
                        ok(2, "1,2", "1", "2"), rec(3, "\"broken,3", UNTERMINATED_QUOTE, "broken,3"),
                        ok(4, "4,5", "4", "5"), ok(5, "6,7", "6", "7")),
                row("unterminated quote in a later field, CRLF", "a,b\r\n1,\"x\r\n2,3\r\n", h("a", "b"), ',', 3,
                        rec(2, "1,\"x", UNTERMINATED_QUOTE, "1", "x"), ok(3, "2,3", "2", "3")),
                row("unterminated quote on the last line", "a,b\n1,2\n\"3,4", h("a", "b"), ',', 3,
                        ok(2, "1,2", "1", "2"), rec(3, "\"3,4", UNTERMINATED_QUOTE, "3,4")),
                row("unterminated quote after a closed multi-line field cascades line by line",
                        "a,b\n\"p\nq\",\"open\nr,s\n", h("a", "b"), ',', 4,
                        rec(2, "\"p", UNTERMINATED_QUOTE, "p"), rec(3, "q\",\"open", UNTERMINATED_QUOTE, "q\"", "open"),
                        ok(4, "r,s", "r", "s")),
                row("unterminated quote inside the header", "\"a,b\n1,2\n", h("a,b"), ',', 2,
                        rec(2, "1,2", "expected 1 field, found 2", "1", "2")),
                row("unicode and BOM-free text kept as is", "Force,Platform\nKent,Café ☕\n", h("Force", "Platform"), ',', 2,
                        ok(2, "Kent,Café ☕", "Kent", "Café ☕")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rules")
    void readsRecords(String rule, String input, List<String> header, char delimiter, long linesRead, List<CsvRecord> expected)
            throws IOException {
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(input))) {
            assertThat(r.header()).as(rule + ": header").isNotNull();
            assertThat(r.header().fields()).as(rule + ": header").isEqualTo(header);
            assertThat(r.delimiter()).as(rule + ": delimiter").isEqualTo(delimiter);
            assertThat(readAll(r)).as(rule).containsExactlyElementsOf(expected);
            assertThat(r.next()).as(rule + ": stays at end").isNull();
            assertThat(r.linesRead()).as(rule + ": linesRead").isEqualTo(linesRead);
        }
    }

    @Test
    void theHeaderIsTheFirstLineTheTestAcceptsAndEachCandidateIsSplitByItsOwnDelimiter() throws IOException {
        String in = "sep=;\n\n\"Kent, Surrey, Sussex\nprovisional\"\n,,\nForce;Code\nKent;86/2\n";
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), names -> names.contains("Force"))) {
            assertThat(r.header()).isEqualTo(ok(6, "Force;Code", "Force", "Code"));
            assertThat(r.delimiter()).isEqualTo(';');
            // sep=; and the two physical lines of the quoted title; the blank and separator-only lines are not counted
            assertThat(r.preambleLines()).isEqualTo(3);
            // a rejected candidate stands for one physical line: the title's second line is a candidate of its own
            assertThat(r.headerCandidates()).extracting(CsvRecord::lineNumber).containsExactly(1L, 3L, 4L, 6L);
            assertThat(r.headerCandidates().get(1).fields()).containsExactly("Kent, Surrey, Sussex\nprovisional");
            assertThat(r.next()).isEqualTo(ok(7, "Kent;86/2", "Kent", "86/2"));
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void aHeaderCellMaySpanLinesAndDataLineNumbersStayPhysical() throws IOException {
        String in = "note\r\n\"Force\r\nName\",Code\r\nKent,86/2\r\n";
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), names -> names.contains("Code"))) {
            assertThat(r.header()).isEqualTo(ok(2, "\"Force\r\nName\",Code", "Force\r\nName", "Code"));
            assertThat(r.preambleLines()).isEqualTo(1);
            assertThat(r.next()).isEqualTo(ok(4, "Kent,86/2", "Kent", "86/2"));
        }
    }

    @Test
    void noHeaderAmongTheFirstTenNonBlankLines() throws IOException {
        String in = "x\n\n".repeat(10) + "Force,Code\nKent,86/2\n";
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), names -> names.contains("Force"))) {
            assertThat(r.header()).isNull();
            assertThat(r.preambleLines()).isZero();
            assertThat(r.headerCandidates()).hasSize(CsvRecordReader.MAX_HEADER_CANDIDATES)
                    .extracting(CsvRecord::lineNumber).startsWith(1L, 3L).endsWith(19L);
            assertThat(r.next()).isNull();
        }
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("x\n".repeat(9) + "Force,Code\n"),
                names -> names.contains("Force"))) {
            assertThat(r.header()).isEqualTo(ok(10, "Force,Code", "Force", "Code"));
            assertThat(r.preambleLines()).isEqualTo(9);
        }
    }

    @Test
    void headerRecordKeepsLineNumberAndRaw() throws IOException {
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("\r\n\r\n Force ; \"Offence Code\" \r\n"))) {
            assertThat(r.header()).isEqualTo(ok(3, " Force ; \"Offence Code\" ", "Force", "Offence Code"));
            assertThat(r.next()).isNull();
            assertThat(r.linesRead()).isEqualTo(3);
        }
    }

    @Test
    void emptyAndBlankInputHaveNoHeader() throws IOException {
        for (String input : List.of("", "\n\n", "  \r\n,,,\r\n")) {
            try (CsvRecordReader r = new CsvRecordReader(new StringReader(input))) {
                assertThat(r.header()).as("%s", input).isNull();
                assertThat(r.next()).isNull();
                assertThat(r.delimiter()).isEqualTo(',');
            }
        }
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("\n\n "))) {
            assertThat(r.linesRead()).isEqualTo(3);
        }
    }

    @Test
    void unterminatedQuoteIsCappedByLinesSoTheRestOfTheFileIsRead() throws IOException {
        StringBuilder in = new StringBuilder("Force,Code\n");
        in.append("\"Kent,86/2\n"); // line 2: never closed
        for (int i = 0; i < 300; i++) {
            in.append("Force").append(i).append(",86/2\n"); // lines 3..302
        }
        in.append("\"Surrey\",86/10\n"); // line 303: would close line 2's quote without the cap
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in.toString()))) {
            List<CsvRecord> all = readAll(r);
            assertThat(all).hasSize(302);
            assertThat(all.get(0)).isEqualTo(rec(2, "\"Kent,86/2", UNTERMINATED_QUOTE, "Kent,86/2"));
            for (int i = 0; i < 300; i++) {
                assertThat(all.get(i + 1)).isEqualTo(ok(i + 3, "Force" + i + ",86/2", "Force" + i, "86/2"));
            }
            assertThat(all.get(301)).isEqualTo(ok(303, "\"Surrey\",86/10", "Surrey", "86/10"));
            assertThat(r.linesRead()).isEqualTo(303);
        }
    }

    @Test
    void recordMaySpanExactlyTheLineCap() throws IOException {
        String in = "a,b\n\"1\n2\n3\",x\n4,5\n";
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), 3, 1000)) {
            assertThat(readAll(r)).containsExactly(ok(2, "\"1\n2\n3\",x", "1\n2\n3", "x"), ok(5, "4,5", "4", "5"));
        }
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), 2, 1000)) {
            assertThat(readAll(r)).containsExactly(
                    rec(2, "\"1", UNTERMINATED_QUOTE, "1"),
                    rec(3, "2", "expected 2 fields, found 1", "2"),
                    rec(4, "3\",x", null, "3\"", "x"),
                    ok(5, "4,5", "4", "5"));
        }
    }

    @Test
    void unterminatedQuoteIsCappedByCharacters() throws IOException {
        String longLine = "y".repeat(500_000);
        String in = "a,b\n\"x," + longLine + "\n" + longLine + "\n1,2\n";
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(in), 1000, 100_000)) {
            List<CsvRecord> all = readAll(r);
            assertThat(all).hasSize(3);
            assertThat(all.get(0).lineNumber()).isEqualTo(2);
            assertThat(all.get(0).malformedReason()).isEqualTo(UNTERMINATED_QUOTE);
            assertThat(all.get(0).raw()).hasSize(100_000).startsWith("\"x,yyy");
            assertThat(all.get(1).lineNumber()).isEqualTo(3);
            assertThat(all.get(1).malformedReason()).isEqualTo("record longer than 100000 characters");
            assertThat(all.get(2)).isEqualTo(ok(4, "1,2", "1", "2"));
            assertThat(r.linesRead()).isEqualTo(4);
        }
    }

    @Test
    void readsAcrossManyBufferRefillsWithSplitCrLf() throws IOException {
        // a Reader that hands out one char at a time puts every CR/LF pair across a refill
        StringBuilder in = new StringBuilder("a,b\r\n");
        for (int i = 0; i < 1000; i++) {
            in.append("\"v\r\n").append(i).append("\",").append(i).append("\r\n");
        }
        try (CsvRecordReader r = new CsvRecordReader(new OneCharReader(in.toString()))) {
            List<CsvRecord> all = readAll(r);
            assertThat(all).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(all.get(i)).isEqualTo(ok(2 + 2L * i, "\"v\r\n" + i + "\"," + i, "v\r\n" + i, String.valueOf(i)));
            }
            assertThat(r.linesRead()).isEqualTo(2001);
        }
    }

    @Test
    void readsWhatOpenReaderDecodes() throws IOException {
        byte[] bytes = "\uFEFFForce;Platform\r\nKent;Caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        TextEncoding enc = EncodingSniffer.detect(new ByteArrayInputStream(bytes));
        assertThat(enc).isEqualTo(TextEncoding.UTF_8_BOM);
        try (CsvRecordReader r = new CsvRecordReader(TextEncoding.openReader(new ByteArrayInputStream(bytes), enc))) {
            assertThat(r.header().fields()).containsExactly("Force", "Platform");
            assertThat(r.next()).isEqualTo(ok(2, "Kent;Café", "Kent", "Café"));
        }
    }

    @Test
    void closeClosesTheUnderlyingReader() throws IOException {
        boolean[] closed = {false};
        Reader in = new StringReader("a,b\n") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CsvRecordReader(in).close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void splitLenientlyTreatsAnOpenQuoteAsRunningToEndOfLine() {
        assertThat(CsvRecordReader.splitLeniently("1, \"a,b", ',')).containsExactly("1", "a,b");
        assertThat(CsvRecordReader.splitLeniently("\"x\"y;2", ';')).containsExactly("xy", "2");
    }

    static List<CsvRecord> readAll(CsvRecordReader r) throws IOException {
        List<CsvRecord> out = new ArrayList<>();
        for (CsvRecord rec; (rec = r.next()) != null; ) {
            out.add(rec);
        }
        return out;
    }

    /** Returns at most one char per read call. */
    static final class OneCharReader extends Reader {
        private final String s;
        private int i;

        OneCharReader(String s) {
            this.s = s;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (i >= s.length()) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            cbuf[off] = s.charAt(i++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
