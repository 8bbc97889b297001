package org.forcereturns.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forcereturns.domain.FinancialYear;

/** Writes the manifests that the end-to-end tests compare a pipeline run against (UTF-8, LF, RFC 4180). */
final class ManifestWriter {

    static final String FILES = "expected-files.csv";
    static final String FORCE_TOTALS = "expected-force-totals.csv";
    static final String PLATFORMS = "expected-platforms.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private ManifestWriter() {
    }

    static void write(Path dir, Publication publication, ReferenceData reference) {
        Map<String, String> forceNames = new java.util.HashMap<>();
        reference.forces().forEach(f -> forceNames.put(f.code(), f.name()));
        print(dir.resolve(FILES), List.of("source_file", "status", "layout", "encoding", "rows_read", "rows_accepted",
                "rows_rejected", "rows_skipped", "reject_reasons", "quarantine_reason"), p -> {
                    for (Publication.FileRow f : publication.files()) {
                        p.printRecord(f.sourceFile(), f.status(), f.layout(), f.encoding(), f.rowsRead(),
                                f.rowsAccepted(), f.rowsRejected(), f.rowsSkipped(), f.rejectReasons(),
                                f.quarantineReason());
                    }
                });
        Tally tally = publication.tally();
        print(dir.resolve(FORCE_TOTALS), List.of("financial_year", "force_code", "force_name", "offences",
                "platform_recorded_offences"), p -> {
                    for (Map.Entry<FinancialYear, java.util.SortedMap<String, Tally.ForceFigures>> year
                            : tally.forces().entrySet()) {
                        for (Map.Entry<String, Tally.ForceFigures> f : year.getValue().entrySet()) {
                            p.printRecord(year.getKey().label(), f.getKey(), forceNames.get(f.getKey()),
                                    f.getValue().offences(), f.getValue().platformRecorded());
                        }
                    }
                });
        print(dir.resolve(PLATFORMS), List.of("financial_year", "platform", "offences"), p -> {
            for (Map.Entry<FinancialYear, java.util.SortedMap<String, Long>> year : tally.platforms().entrySet()) {
                for (Map.Entry<String, Long> platform : year.getValue().entrySet()) {
                    p.printRecord(year.getKey().label(), platform.getKey(), platform.getValue());
                }
            }
        });
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void print(Path file, List<String> header, Body body) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            body.print(printer);
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
