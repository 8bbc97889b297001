package org.forcereturns.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The committed manifests say what the published figures say, and their file counts add up. */
class ManifestFiguresTest {

    static final Path SAMPLE = SampleInboxGeneratorTest.COMMITTED;

    @Test
    void committedManifestsReproduceThePublishedFigures() throws IOException {
        assertPublishedFigures(SAMPLE);
    }

    static void assertPublishedFigures(Path sample) throws IOException {
        List<CSVRecord> forces = read(sample.resolve("expected-force-totals.csv")).stream()
                .filter(r -> r.get("financial_year").equals("2023/24")).toList();
        assertThat(forces).hasSize(43);
        assertThat(forces.stream().mapToLong(r -> Long.parseLong(r.get("offences"))).sum()).isEqualTo(38_685);
        assertThat(forces.stream().mapToLong(r -> Long.parseLong(r.get("platform_recorded_offences"))).sum())
                .isEqualTo(7_338);
        assertThat(forces.stream().filter(r -> Long.parseLong(r.get("platform_recorded_offences")) > 0)).hasSize(20);
        Map<String, Long> byName = forces.stream()
                .collect(Collectors.toMap(r -> r.get("force_name"), r -> Long.parseLong(r.get("offences"))));
        assertThat(byName).containsEntry("South Yorkshire", 1_249L).containsEntry("Hampshire", 1_239L)
                .containsEntry("South Wales", 964L).containsEntry("North Wales", 535L).containsEntry("Gwent", 503L)
                .containsEntry("Dyfed-Powys", 192L);
        assertThat(byName.get("Metropolitan Police")).isEqualTo(byName.values().stream().max(Long::compare).get());
        assertThat(byName.get("City of London")).isEqualTo(byName.values().stream().min(Long::compare).get());

        Map<String, Long> platforms = read(sample.resolve("expected-platforms.csv")).stream()
                .filter(r -> r.get("financial_year").equals("2023/24"))
                .collect(Collectors.toMap(r -> r.get("platform"), r -> Long.parseLong(r.get("offences"))));
        assertThat(platforms).containsEntry("Snapchat", 3_648L).containsEntry("Instagram", 840L)
                .containsEntry("Facebook", 537L).containsEntry("WhatsApp", 457L)
                .doesNotContainKeys("Facebook Messenger", "Threads");
        ReferenceData reference = ReferenceData.load();
        long meta = platforms.entrySet().stream().filter(e -> !e.getKey().equals(Mention.UNRECOGNISED))
                .filter(e -> "Meta".equals(reference.platform(e.getKey()).owner())).mapToLong(Map.Entry::getValue).sum();
        assertThat(meta).as("Meta products, no offence naming two of them").isEqualTo(1_834);
        // An offence counts once per category, so a category's offences are at most the sum over its platforms:
        // Snapchat alone beats that bound for every other category, so private messaging is the largest.
        Map<String, Long> categoryUpperBound = new HashMap<>();
        platforms.forEach((name, n) -> {
            if (!name.equals(Mention.UNRECOGNISED)) {
                categoryUpperBound.merge(reference.platform(name).category(), n, Long::sum);
            }
        });
        categoryUpperBound.forEach((category, bound) -> {
            if (!category.equals("private messaging")) {
                assertThat(platforms.get("Snapchat")).as(category).isGreaterThan(bound);
            }
        });
        assertThat(platforms.get(Mention.UNRECOGNISED)).isPositive();
    }

    @Test
    void everyFileRowAddsUp() throws IOException {
        List<CSVRecord> files = read(SAMPLE.resolve("expected-files.csv"));
        Map<String, Long> statuses = files.stream().collect(Collectors.groupingBy(
                r -> r.get("status") + " " + r.get("quarantine_reason"), Collectors.counting()));
        assertThat(statuses).containsEntry("QUARANTINED UNREADABLE", 1L).containsEntry("QUARANTINED MISSING_COLUMNS", 1L)
                .containsEntry("QUARANTINED TOO_MANY_REJECTS", 1L).containsEntry("DUPLICATE ", 2L);
        for (CSVRecord f : files) {
            int read = num(f, "rows_read");
            int rejected = num(f, "rows_rejected");
            assertThat(read).as(f.get("source_file"))
                    .isEqualTo(num(f, "rows_accepted") + rejected + num(f, "rows_skipped"));
            int reasons = f.get("reject_reasons").isEmpty() ? 0 : Stream.of(f.get("reject_reasons").split(";"))
                    .mapToInt(s -> Integer.parseInt(s.substring(s.indexOf(':') + 1))).sum();
            assertThat(reasons).as(f.get("source_file")).isEqualTo(rejected);
            switch (f.get("status")) {
                case "LOADED" -> assertThat(rejected * 10).as(f.get("source_file")).isLessThan(read);
                case "DUPLICATE" -> assertThat(read).isZero();
                default -> {
                    if (f.get("quarantine_reason").equals("TOO_MANY_REJECTS")) {
                        assertThat(rejected * 10).isGreaterThan(read);
                    } else {
                        assertThat(read).isZero();
                    }
                }
            }
        }
    }

    @Test
    void manifestListsEveryReturnAndNothingElse() throws IOException {
        List<String> listed = read(SAMPLE.resolve("expected-files.csv")).stream().map(r -> r.get("source_file")).toList();
        assertThat(listed).isSorted();
        List<String> returns = SampleInboxGeneratorTest.tree(SAMPLE.resolve("inbox"), false).keySet().stream()
                .filter(n -> n.toLowerCase().endsWith(".csv") || n.toLowerCase().endsWith(".csv.gz"))
                .filter(n -> !n.substring(n.lastIndexOf('/') + 1).startsWith(".")
                        && !n.substring(n.lastIndexOf('/') + 1).startsWith("_"))
                .toList();
        assertThat(listed).containsExactlyElementsOf(returns);
    }

    static int num(CSVRecord r, String column) {
        return Integer.parseInt(r.get(column));
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
