package org.forcereturns.ingest;

import java.io.IOException;
import java.io.Reader;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;

/**
 * For tests of the contract's file-level rules: reads a whole return through the same pieces the ingest step
 * uses ({@link ReturnHeader}, {@link RowClassifier}, {@link RejectThreshold}) in the order Spring Batch calls
 * them, and sums up the file as the step's listener does.
 */
final class ReturnIngester {

    private final ReferenceData reference;
    private final IngestRules rules;

    ReturnIngester(ReferenceData reference, IngestRules rules) {
        this.reference = reference;
        this.rules = rules;
    }

    FileOutcome ingest(String sourceFile, Reader text, RowSink sink) throws IOException {
        ReturnHeader opened = ReturnHeader.open(sourceFile, text, reference.headerAliases());
        if (opened instanceof ReturnHeader.Missing missing) {
            sink.rejected(missing.reject());
            return FileOutcome.quarantinedWhole(null, RejectReason.MISSING_COLUMNS);
        }
        ReturnHeader.Found header = (ReturnHeader.Found) opened;
        try (CsvRecordReader reader = header.reader()) {
            RowClassifier rows = new RowClassifier(reference, rules, sourceFile, header.mapping());
            Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
            Map<SkipReason, Long> skips = new EnumMap<>(SkipReason.class);
            SortedMap<String, SortedSet<YearMonth>> covered = new TreeMap<>();
            long read = 0;
            long accepted = 0;
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                read++;
                RowOutcome outcome = rows.classify(record);
                if (outcome instanceof RowOutcome.Accepted a) {
                    accepted++;
                    sink.accepted(a.offence());
                    covered.computeIfAbsent(a.offence().force().code(), k -> new TreeSet<>())
                            .addAll(a.offence().period().months());
                } else if (outcome instanceof RowOutcome.Rejected r) {
                    rejects.merge(r.reject().reason(), 1L, Long::sum);
                    sink.rejected(r.reject());
                } else if (outcome instanceof RowOutcome.Skipped s) {
                    skips.merge(s.reason(), 1L, Long::sum);
                }
            }
            long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
            long skipped = skips.values().stream().mapToLong(Long::longValue).sum();
            var quarantine = RejectThreshold.quarantine(sourceFile, rejected, read, rules.rejectThreshold());
            if (quarantine.isPresent()) {
                sink.rejected(quarantine.get());
                covered = new TreeMap<>();
            }
            return new FileOutcome(header.mapping().layout(), read, accepted, rejected, skipped, rejects, skips,
                    quarantine.map(r -> r.reason()).orElse(null), covered, header.preambleLines(),
                    header.mapping().ignoredColumns());
        }
    }
}
