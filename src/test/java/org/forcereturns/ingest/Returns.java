package org.forcereturns.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.Reject;
import org.forcereturns.normalise.OffenceScope;

/**
 * Test fixture: small force returns as text, read through the real {@link CsvRecordReader},
 * {@link HeaderMapping} and {@link ReturnIngester} with the bundled reference data.
 */
public final class Returns {

    /** Every test runs as if on this date: 2024/25 Q1 is the latest period that has begun. */
    public static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);

    public static final ReferenceData REFERENCE = ReferenceData.bundled();

    /** Record layout by recorded date. */
    public static final String RECORD = "Force,Crime Reference,Date Recorded,Offence Code,Platform";
    /** Count layout by month. */
    public static final String MONTHLY = "Force,Month,Offence Code,Platform,Number of Offences";
    /** Count layout by financial year and (optional) quarter. */
    public static final String QUARTERLY = "Force,Financial Year,Quarter,Offence Code,Platform,Count";

    private Returns() {
    }

    public static IngestRules rules() {
        return rules(0.10);
    }

    public static IngestRules rules(double threshold) {
        return new IngestRules(OffenceScope.defaultScope(), RUN_DATE, threshold);
    }

    /** The header constant named by {@code layout} (RECORD, MONTHLY or QUARTERLY). */
    public static String header(String layout) {
        return switch (layout) {
            case "RECORD" -> RECORD;
            case "MONTHLY" -> MONTHLY;
            case "QUARTERLY" -> QUARTERLY;
            default -> throw new IllegalArgumentException(layout);
        };
    }

    /** Reads one data row under {@code header} and normalises it; the row is on line 2. */
    public static RowOutcome normalise(String header, String row) {
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(header + "\n" + row + "\n"))) {
            HeaderMapping mapping = ((HeaderResolution.Resolved) HeaderMapping.resolve(reader.header().fields(),
                    REFERENCE.headerAliases())).mapping();
            CsvRecord record = reader.next();
            if (record == null || reader.next() != null) {
                throw new IllegalArgumentException("expected exactly one data row: " + row);
            }
            return new RowNormaliser(REFERENCE, rules(), "test.csv", mapping).normalise(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one file became: its outcome, and everything it sent to the sink, in order. */
    public record Ingested(FileOutcome outcome, List<CleanOffence> accepted, List<Reject> rejects) {
    }

    public static Ingested ingest(String text) {
        return ingest("test.csv", text, rules());
    }

    public static Ingested ingest(String text, IngestRules rules) {
        return ingest("test.csv", text, rules);
    }

    public static Ingested ingest(String sourceFile, String text, IngestRules rules) {
        List<CleanOffence> accepted = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        try {
            FileOutcome outcome = new ReturnIngester(REFERENCE, rules).ingest(sourceFile, new StringReader(text),
                    new RowSink() {
                        @Override
                        public void accepted(CleanOffence offence) {
                            accepted.add(offence);
                        }

                        @Override
                        public void rejected(Reject reject) {
                            rejects.add(reject);
                        }
                    });
            return new Ingested(outcome, accepted, rejects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code lines} joined with LF, with a final LF. */
    public static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
