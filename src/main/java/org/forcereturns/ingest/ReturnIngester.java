package org.forcereturns.ingest;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;

/**
 * Reads one force return from its decoded text: finds the header, normalises every row, streams accepted
 * rows and rejects to a sink, and decides whether the file as a whole is loaded or quarantined.
 */
public final class ReturnIngester {

    private final ReferenceData reference;
    private final IngestRules rules;

    public ReturnIngester(ReferenceData reference, IngestRules rules) {
        this.reference = reference;
        this.rules = rules;
    }

    public FileOutcome ingest(String sourceFile, Reader text, RowSink sink) throws IOException {
        HeaderAliases aliases = reference.headerAliases();
        // The header is the first of the first lines that names every required field; lines above it are preamble.
        try (CsvRecordReader reader = new CsvRecordReader(text,
                names -> HeaderMapping.resolve(names, aliases) instanceof HeaderResolution.Resolved)) {
            CsvRecord headerRecord = reader.header();
            if (headerRecord == null) {
                sink.rejected(missingColumns(sourceFile, reader.headerCandidates(), aliases));
                return FileOutcome.quarantinedWhole(null, RejectReason.MISSING_COLUMNS);
            }
            HeaderMapping header = ((HeaderResolution.Resolved) HeaderMapping.resolve(headerRecord.fields(), aliases))
                    .mapping();
            reader.readOnly(header.mappedColumns());
            return readRows(sourceFile, reader, header, sink).withHeader(reader.preambleLines(), header.ignoredColumns());
        }
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

    private FileOutcome readRows(String sourceFile, CsvRecordReader reader, HeaderMapping header, RowSink sink)
            throws IOException {
        RowNormaliser normaliser = new RowNormaliser(reference, rules, sourceFile, header);
        Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
        Map<SkipReason, Long> skips = new EnumMap<>(SkipReason.class);
        SortedMap<String, SortedSet<YearMonth>> covered = new TreeMap<>();
        Set<String> crimeReferences = new HashSet<>();
        // Periods already added to `covered`, per force: a file names a few dozen, so each is expanded once.
        Map<String, Set<FinancialPeriod>> periodsSeen = new HashMap<>();
        String lastForce = null;
        FinancialPeriod lastPeriod = null;
        long read = 0;
        long accepted = 0;
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            read++;
            RowOutcome outcome = normaliser.normalise(record);
            if (outcome instanceof RowOutcome.Accepted a && isDuplicate(header, a.offence(), crimeReferences)) {
                outcome = new RowOutcome.Rejected(new Reject(sourceFile, record.lineNumber(),
                        RejectReason.DUPLICATE_IN_FILE, header.headerName(Field.CRIME_REFERENCE),
                        a.offence().crimeReference(), record.raw()));
            }
            if (outcome instanceof RowOutcome.Accepted a) {
                accepted++;
                sink.accepted(a.offence());
                String force = a.offence().force().code();
                FinancialPeriod period = a.offence().period();
                // Rows come in runs of one force and period (shared instances): look each run up once.
                if ((force != lastForce || period != lastPeriod)
                        && periodsSeen.computeIfAbsent(force, k -> new HashSet<>()).add(period)) {
                    covered.computeIfAbsent(force, k -> new TreeSet<>()).addAll(period.months());
                }
                lastForce = force;
                lastPeriod = period;
            } else if (outcome instanceof RowOutcome.Rejected r) {
                rejects.merge(r.reject().reason(), 1L, Long::sum);
                sink.rejected(r.reject());
            } else if (outcome instanceof RowOutcome.Skipped s) {
                skips.merge(s.reason(), 1L, Long::sum);
            }
        }
        long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
        long skipped = skips.values().stream().mapToLong(Long::longValue).sum();
        RejectReason quarantine = null;
        if (read > 0 && tooManyRejects(rejected, read, rules.rejectThreshold())) {
            quarantine = RejectReason.TOO_MANY_REJECTS;
            sink.rejected(new Reject(sourceFile, 0, quarantine, null,
                    String.format(Locale.ROOT, "%d of %d rows rejected (%.1f%%, limit %.1f%%)", rejected, read,
                            100.0 * rejected / read, 100.0 * rules.rejectThreshold()), ""));
            covered = new TreeMap<>();
        }
        return new FileOutcome(header.layout(), read, accepted, rejected, skipped, rejects, skips, quarantine, covered);
    }

    /**
     * Whether {@code rejected / read} is strictly above {@code threshold}, decided in exact decimal arithmetic:
     * in doubles 0.29 * 100 is 28.999999999999996, which would quarantine a file with exactly 29% rejected.
     * The threshold is taken as the decimal it was written as ({@link BigDecimal#valueOf(double)}).
     */
    static boolean tooManyRejects(long rejected, long read, double threshold) {
        return BigDecimal.valueOf(rejected).compareTo(BigDecimal.valueOf(threshold).multiply(BigDecimal.valueOf(read))) > 0;
    }

    /** The first accepted row with a crime reference wins; a later one in the same file is a duplicate. */
    private static boolean isDuplicate(HeaderMapping header, CleanOffence offence, Set<String> seen) {
        if (header.layout() != Layout.RECORD || offence.crimeReference() == null) {
            return false;
        }
        return !seen.add(offence.crimeReference().toUpperCase(Locale.ROOT));
    }
}
