package org.forcereturns.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forcereturns.domain.FinancialYear;

/**
 * Clean record-layout returns in bulk, for benchmarks: one file per force and financial year, the last year being
 * 2023/24, rows spread over the 43 forces by population. Streams row by row (memory does not grow with the row
 * count) and is deterministic for a seed. Usage: {@code SyntheticInboxGenerator <outDir> [totalRows] [years] [seed]}
 * (defaults 5,000,000 rows, about 650 MB at some 130 bytes a row; 5 years; seed 20240331). Test code, run by
 * bench/run.sh as {@code mvn -q test-compile exec:java@synthetic-inbox -Dexec.args="..."}.
 */
public final class SyntheticInboxGenerator {

    private static final List<String> PLATFORMS = List.of("Snapchat", "Instagram", "Facebook", "WhatsApp", "TikTok",
            "Discord", "Text message", "Other");

    private SyntheticInboxGenerator() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 4) {
            // thrown, not System.exit: under exec:java this runs inside Maven's own JVM
            throw new IllegalArgumentException("usage: SyntheticInboxGenerator <outDir> [totalRows=5000000] [years=5] [seed]");
        }
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : SampleInboxGenerator.DEFAULT_SEED;
        generate(Path.of(args[0]), rows, years, seed);
    }

    static void generate(Path outDir, long totalRows, int years, long seed) {
        if (totalRows < 0 || years < 1) {
            throw new IllegalArgumentException("need totalRows >= 0 and years >= 1");
        }
        ReferenceData reference = ReferenceData.load();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int y = 0; y < years; y++) {
            FinancialYear fy = new FinancialYear(TruthModel.FY_2023.startYear() - years + 1 + y);
            for (ReferenceData.ForceRef force : reference.forces()) {
                double population = TruthModel.POPULATION_THOUSANDS.getOrDefault(force.slug(), 1_000);
                weights.put(fy.startYear() + " " + force.slug(), population * (1 + 0.05 * y));
            }
        }
        Map<String, Long> counts = split(weights, totalRows);
        SplittableRandom rnd = new SplittableRandom(seed);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, Long> cell : counts.entrySet()) {
                String[] key = cell.getKey().split(" ");
                FinancialYear fy = new FinancialYear(Integer.parseInt(key[0]));
                ReferenceData.ForceRef force = reference.force(key[1]);
                String name = String.format(java.util.Locale.ROOT, "%d-05-01_%s_%d-%02d.csv", fy.startYear() + 1, force.slug(),
                        fy.startYear(), (fy.startYear() + 1) % 100);
                try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve(name), StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(out, format)) {
                    printer.printRecord("Force", "Crime Reference", "Date Recorded", "Offence Code",
                            "Offence Description", "Platform");
                    long n = cell.getValue();
                    for (long i = 0; i < n; i++) {
                        LocalDate date = fy.firstDay().plusDays(i * fy.days() / Math.max(1, n));
                        String platform = rnd.nextInt(100) < 20 ? PLATFORMS.get(rnd.nextInt(PLATFORMS.size())) : "";
                        String code = randomCode(rnd);
                        printer.printRecord(force.name(), TruthModel.crimeRef(force.slug(), fy, (int) i + 1), date,
                                code, reference.description(code), platform);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomCode(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        return r < 0.30 ? "86/2" : r < 0.92 ? "86/10" : "86/15";
    }

    /** Largest-remainder split of a long total (the sample's int version would overflow for big benchmarks). */
    private static Map<String, Long> split(Map<String, Double> weights, long total) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> out = new LinkedHashMap<>();
        long allocated = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            long floor = (long) Math.floor(total * e.getValue() / sum);
            out.put(e.getKey(), floor);
            allocated += floor;
        }
        // the few rows left by flooring go to the first cells: deterministic and exact
        for (Map.Entry<String, Long> e : out.entrySet()) {
            if (allocated == total) {
                break;
            }
            e.setValue(e.getValue() + 1);
            allocated++;
        }
        return out;
    }
}
