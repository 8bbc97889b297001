package org.forcereturns.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Layout;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;

/**
 * One file's rows, each normalised by the contract's rules ({@link RowNormaliser}) and then checked against the
 * file's earlier rows: in the record layout, the first accepted row with a crime reference wins and a later one
 * is rejected {@code DUPLICATE_IN_FILE} (references compare ignoring case). One instance per file, rows in order.
 */
public final class RowClassifier {

    private final RowNormaliser normaliser;
    private final HeaderMapping header;
    private final String sourceFile;
    private final Set<String> crimeReferences = new HashSet<>();

    public RowClassifier(ReferenceData reference, IngestRules rules, String sourceFile, HeaderMapping header) {
        this.normaliser = new RowNormaliser(reference, rules, sourceFile, header);
        this.header = header;
        this.sourceFile = sourceFile;
    }

    public RowOutcome classify(CsvRecord record) {
        RowOutcome outcome = normaliser.normalise(record);
        if (outcome instanceof RowOutcome.Accepted a && isDuplicate(a.offence())) {
            return new RowOutcome.Rejected(new Reject(sourceFile, record.lineNumber(), RejectReason.DUPLICATE_IN_FILE,
                    header.headerName(Field.CRIME_REFERENCE), a.offence().crimeReference(), record.raw()));
        }
        return outcome;
    }

    private boolean isDuplicate(CleanOffence offence) {
        if (header.layout() != Layout.RECORD || offence.crimeReference() == null) {
            return false;
        }
        return !crimeReferences.add(offence.crimeReference().toUpperCase(Locale.ROOT));
    }
}
