package org.forcereturns.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One CSV record as read from a force return.
 *
 * @param lineNumber      1-based physical line on which the record starts
 * @param fields          the values, trimmed of leading and trailing whitespace (line breaks and no-break spaces included)
 * @param raw             the exact text of the record without its final line terminator; contains line
 *                        breaks when a quoted field does. For an unterminated quoted field, only the
 *                        starting physical line (capped at the reader's character limit)
 * @param malformedReason null when the record is well-formed, else a short human-readable reason
 */
public record CsvRecord(long lineNumber, List<String> fields, String raw, String malformedReason) {

    public static final String UNTERMINATED_QUOTE = "unterminated quoted field";
    public static final String TEXT_AFTER_QUOTE = "text after closing quote";

    public CsvRecord {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(raw, "raw");
        fields = List.copyOf(fields);
    }

    public boolean isMalformed() {
        return malformedReason != null;
    }

    /** Field {@code index}, or null when the record has fewer fields. */
    public String field(int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : null;
    }

    public int size() {
        return fields.size();
    }

    static String fieldCountReason(int expected, int found) {
        return "expected " + expected + " field" + (expected == 1 ? "" : "s") + ", found " + found;
    }
}
