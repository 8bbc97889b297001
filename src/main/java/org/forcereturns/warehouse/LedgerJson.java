package org.forcereturns.warehouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the ledger's text columns (ignored columns, table rows, covered months, tallies), written and read
 * with Jackson's streaming API. No data binding: these are a few fixed shapes, and compiling Jackson's binding code
 * for them was a visible part of a run's CPU (docs/decisions.md).
 */
final class LedgerJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one value to a generator. */
    @FunctionalInterface
    interface Writing {
        void to(JsonGenerator out) throws IOException;
    }

    /** Reads one value from a parser whose current token is the value's first. */
    @FunctionalInterface
    interface Reading<T> {
        T from(JsonParser in) throws IOException;
    }

    private LedgerJson() {
    }

    static String write(Writing value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            value.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @param what what the text is, for the message when it is not the JSON expected */
    static <T> T read(String text, String what, Reading<T> value) {
        try (JsonParser in = FACTORY.createParser(text)) {
            in.nextToken();
            T read = value.from(in);
            if (in.nextToken() != null) {
                throw new IOException("text after the value at " + in.currentLocation().getColumnNr());
            }
            return read;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException(what + " are not valid JSON: " + e.getMessage(), e);
        }
    }

    static String writeStrings(List<String> values) {
        return write(out -> strings(out, values));
    }

    static List<String> readStrings(String text, String what) {
        return read(text, what, LedgerJson::strings);
    }

    static String writeCounts(Map<String, Long> counts) {
        return write(out -> {
            out.writeStartObject();
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                out.writeNumberField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
        });
    }

    /** In the document's order. */
    static LinkedHashMap<String, Long> readCounts(String text, String what) {
        return read(text, what, in -> {
            expect(in, JsonToken.START_OBJECT);
            LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT, in);
                counts.put(name, in.getLongValue());
            }
            return counts;
        });
    }

    static void strings(JsonGenerator out, List<String> values) throws IOException {
        out.writeStartArray();
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    static List<String> strings(JsonParser in) throws IOException {
        expect(in, JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            values.add(text(in));
        }
        return values;
    }

    /** The current token as a string or null. */
    static String text(JsonParser in) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING, in);
        return in.getText();
    }

    static void expect(JsonParser in, JsonToken expected) throws IOException {
        expect(in.currentToken(), expected, in);
    }

    static void expect(JsonToken token, JsonToken expected, JsonParser in) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + " but found " + token + " at column "
                    + in.currentLocation().getColumnNr());
        }
    }
}
