package org.forcereturns.normalise;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the small reference CSV files: a header row, then one record per line. */
final class ReferenceCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setCommentMarker('#')
            .get();

    /** One data row and the line it started on, for error messages. */
    record Row(String source, long line, Map<String, String> values) {

        /** The trimmed value of a column, or "" when the row is short. */
        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw fail("empty " + column);
            }
            return value;
        }

        IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(source + " line " + line + ": " + problem + " " + values.values());
        }
    }

    private ReferenceCsv() {
    }

    static List<Row> read(Reader reader, String source, String... requiredColumns) {
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(reader)).setFormat(FORMAT).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : requiredColumns) {
                if (header.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(column))) {
                    throw new IllegalArgumentException(source + ": missing column " + column + ", header is " + header.keySet());
                }
            }
            List<Row> rows = new ArrayList<>();
            long lineBefore = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                // Comment and blank lines are skipped by the parser, so count from the record's end.
                long lineAfter = parser.getCurrentLineNumber();
                rows.add(new Row(source, Math.max(lineBefore + 1, lineAfter), lowerCaseKeys(record)));
                lineBefore = lineAfter;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": not valid CSV: " + e.getMessage(), e);
        }
    }

    /** Opens a bundled reference file and hands its reader to {@code load}. */
    static <T> T fromClasspath(String path, Function<Reader, T> load) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("reference data missing from classpath: " + path);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Map<String, String> lowerCaseKeys(CSVRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        record.toMap().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
        return values;
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
