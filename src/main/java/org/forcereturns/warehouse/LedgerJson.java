package org.forcereturns.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of the ledger's text columns (ignored columns, table rows, covered months, tallies): one mapper. */
final class LedgerJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger holds a value that is not valid JSON: " + e.getMessage(), e);
        }
    }
}
