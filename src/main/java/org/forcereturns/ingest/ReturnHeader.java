package org.forcereturns.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;

/**
 * A return opened at its header (contract section 2): the first of the first lines that names every required
 * field; the lines above it are preamble. Either the header was found, and rows can be read after it, or the file
 * has none and its one reject says what the nearest line lacked.
 */
public sealed interface ReturnHeader {

    /** The header, with the reader positioned at the first data row (only the columns a rule reads are kept). */
    record Found(CsvRecordReader reader, HeaderMapping mapping, long preambleLines) implements ReturnHeader {
    }

    /** No line names every required field: the file is quarantined {@code MISSING_COLUMNS} with this reject. */
    record Missing(Reject reject) implements ReturnHeader {
    }

    static ReturnHeader open(String sourceFile, Reader text, HeaderAliases aliases) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(text,
                names -> HeaderMapping.resolve(names, aliases) instanceof HeaderResolution.Resolved);
        CsvRecord header = reader.header();
        if (header == null) {
            Reject reject = missingColumns(sourceFile, reader.headerCandidates(), aliases);
            reader.close();
            return new Missing(reject);
        }
        HeaderMapping mapping = ((HeaderResolution.Resolved) HeaderMapping.resolve(header.fields(), aliases)).mapping();
        reader.readOnly(mapping.mappedColumns());
        return new Found(reader, mapping, reader.preambleLines());
    }

    /**
     * The reject of a file without a header, blamed on the line that came nearest to one (fewest required fields
     * missing, the first of equals): with a title above it, the real header line says what it lacks.
     */
    private static Reject missingColumns(String sourceFile, List<CsvRecord> candidates, HeaderAliases aliases) {
        CsvRecord nearest = null;
        List<String> missing = null;
        for (CsvRecord candidate : candidates) {
            List<String> m = ((HeaderResolution.Missing) HeaderMapping.resolve(candidate.fields(), aliases)).missing();
            if (missing == null || m.size() < missing.size()) {
                nearest = candidate;
                missing = m;
            }
        }
        if (nearest == null) {
            return new Reject(sourceFile, 0, RejectReason.MISSING_COLUMNS, null, "no header line", "");
        }
        return new Reject(sourceFile, nearest.lineNumber(), RejectReason.MISSING_COLUMNS, null,
                "missing " + String.join(", ", missing), nearest.raw());
    }
}
