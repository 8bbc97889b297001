package org.forcereturns.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header names recognised for each {@link Field}, from a CSV with header {@code field,alias}: one
 * alias a line, {@code field} being a {@link Field} constant name. Names compare after
 * {@link #normalize(String)}. Immutable and thread-safe.
 */
public final class HeaderAliases {

    /** Classpath location of the bundled aliases. */
    public static final String RESOURCE = "/reference/header-aliases.csv";

    private final Map<String, Field> byNormalizedAlias;
    private final Map<Field, List<String>> aliasesByField;

    private HeaderAliases(Map<String, Field> byNormalizedAlias, Map<Field, List<String>> aliasesByField) {
        this.byNormalizedAlias = byNormalizedAlias;
        this.aliasesByField = aliasesByField;
    }

    /** The aliases bundled in {@value #RESOURCE}. */
    public static HeaderAliases bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final HeaderAliases INSTANCE = loadBundled();

        private static HeaderAliases loadBundled() {
            try (InputStream in = HeaderAliases.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                return load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Loads aliases from CSV text with header {@code field,alias} (reader not closed).
     *
     * @throws IllegalArgumentException naming the line, for a wrong header, a line without exactly two
     *                                  fields, an unknown field, an alias that is empty after
     *                                  normalisation, or an alias listed twice (same or different field)
     */
    public static HeaderAliases load(Reader in) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(in);
        CsvRecord header = reader.header();
        if (header == null || header.malformedReason() != null || header.fields().size() != 2
                || !header.fields().get(0).equalsIgnoreCase("field")
                || !header.fields().get(1).equalsIgnoreCase("alias")) {
            throw new IllegalArgumentException("header aliases: header must be 'field,alias'"
                    + (header == null ? ", input is empty" : ", found '" + header.raw() + "' on line " + header.lineNumber()));
        }
        Map<String, Field> byAlias = new LinkedHashMap<>();
        Map<String, Long> lineOfAlias = new LinkedHashMap<>();
        Map<Field, List<String>> byField = new EnumMap<>(Field.class);
        for (CsvRecord r; (r = reader.next()) != null; ) {
            String where = "header aliases line " + r.lineNumber() + " ('" + r.raw() + "'): ";
            if (r.malformedReason() != null) {
                throw new IllegalArgumentException(where + r.malformedReason());
            }
            Field field;
            try {
                field = Field.valueOf(r.fields().get(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "unknown field '" + r.fields().get(0) + "'", e);
            }
            String alias = r.fields().get(1);
            String key = normalize(alias);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(where + "empty alias");
            }
            Field previous = byAlias.putIfAbsent(key, field);
            if (previous != null) {
                throw new IllegalArgumentException(where + "alias '" + alias + "' already given for "
                        + previous + " on line " + lineOfAlias.get(key));
            }
            lineOfAlias.put(key, r.lineNumber());
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(alias);
        }
        Map<Field, List<String>> frozen = new EnumMap<>(Field.class);
        byField.forEach((f, list) -> frozen.put(f, List.copyOf(list)));
        return new HeaderAliases(Map.copyOf(byAlias), Collections.unmodifiableMap(frozen));
    }

    /** The field a header name stands for, if any. */
    public Optional<Field> lookup(String headerName) {
        return Optional.ofNullable(byNormalizedAlias.get(normalize(headerName)));
    }

    /** The aliases of {@code field} as written in the data file, in file order (empty if none). */
    public List<String> aliasesOf(Field field) {
        return aliasesByField.getOrDefault(field, List.of());
    }

    /** Number of aliases. */
    public int size() {
        return byNormalizedAlias.size();
    }

    /**
     * The comparison key of a header name: a leading BOM (U+FEFF) and surrounding double quotes
     * removed, then every whitespace character (no-break space included), {@code _}, {@code -},
     * {@code .} and {@code /} removed, then lower-cased (locale-independent).
     */
    public static String normalize(String name) {
        String s = name.strip();
        while (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1).strip();
        }
        while (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '_' || c == '-' || c == '.' || c == '/') {
                continue;
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
