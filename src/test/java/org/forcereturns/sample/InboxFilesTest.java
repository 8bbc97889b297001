package org.forcereturns.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Reads the committed inbox back with an ordinary CSV parser, independently of the generator's bookkeeping: the
 * manifest's encoding and rows_read must match the bytes.
 */
class InboxFilesTest {

    static final Path INBOX = SampleInboxGeneratorTest.COMMITTED.resolve("inbox");

    @Test
    void encodingAndRowsReadMatchTheBytes() throws IOException {
        for (CSVRecord f : ManifestFiguresTest.read(SampleInboxGeneratorTest.COMMITTED.resolve("expected-files.csv"))) {
            String name = f.get("source_file");
            Path path = INBOX.resolve(name);
            byte[] bytes = name.endsWith(".gz") ? SampleInboxGeneratorTest.gunzip(path) : Files.readAllBytes(path);
            if (f.get("quarantine_reason").equals("UNREADABLE")) {
                assertThat(bytes).as(name).isEmpty();
                continue;
            }
            if (f.get("status").equals("DUPLICATE")) {
                continue;
            }
            boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF;
            boolean utf8 = ReturnRenderer.isValidUtf8(bytes);
            String encoding = bom ? "UTF-8 BOM" : utf8 ? "UTF-8" : "windows-1252";
            assertThat(encoding).as(name).isEqualTo(f.get("encoding"));

            String text = new String(bytes, utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
            if (bom) {
                text = text.substring(1);
            }
            String header = text.substring(0, text.indexOf('\n'));
            char delimiter = ',';
            for (char c : new char[] {';', '\t', '|'}) {
                if (occurrences(header, c) > occurrences(header, delimiter)) {
                    delimiter = c;
                }
            }
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get()
                    .parse(new StringReader(text)).getRecords();
            long read = records.stream().filter(r -> r.stream().anyMatch(v -> !v.isBlank())).count();
            if (!f.get("quarantine_reason").equals("MISSING_COLUMNS")) {
                assertThat(read).as(name).isEqualTo(Long.parseLong(f.get("rows_read")));
            }
        }
    }

    private static long occurrences(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    @Test
    void ignoredFilesArePresent() {
        assertThat(INBOX.resolve("notes.txt")).exists();
        assertThat(INBOX.resolve(".hidden.csv")).exists();
        assertThat(INBOX.resolve("_manifest.csv")).exists();
    }
}
