package org.forcereturns.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.forcereturns.domain.FinancialYear;

/**
 * Generates the bundled sample inbox and its expected-results manifests, deterministically from a seed.
 *
 * <p>Test code, not in the production jar: run it with {@code mvn -q test-compile exec:java@generate-sample
 * -Dexec.args="--out DIR [--seed N]"} (see src/sample/README.md). Writes {@code <outDir>/inbox/**} (replacing what was there)
 * and {@code <outDir>/expected-files.csv}, {@code expected-force-totals.csv}, {@code expected-platforms.csv}.
 * The committed sample is {@code src/sample} generated with the default seed.
 */
public final class SampleInboxGenerator {

    public static final long DEFAULT_SEED = 20240331L;
    static final String INBOX = "inbox";

    private SampleInboxGenerator() {
    }

    /** {@code --out DIR [--seed N]}: the options of the former {@code generate-sample} command. */
    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length && args[i].startsWith("--"); i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--out") || options.size() * 2 != args.length
                || !List.of("--out", "--seed").containsAll(options.keySet())) {
            // thrown, not System.exit: under exec:java this runs inside Maven's own JVM
            throw new IllegalArgumentException("usage: generate-sample --out DIR [--seed N]   (default seed "
                    + DEFAULT_SEED + ")");
        }
        Path out = Path.of(options.get("--out"));
        long seed = options.containsKey("--seed") ? Long.parseLong(options.get("--seed")) : DEFAULT_SEED;
        generate(out, seed);
        System.out.println("sample inbox written to " + out.resolve(INBOX).toAbsolutePath() + " (seed " + seed
                + ", manifests beside it)");
    }

    public static void generate(Path outDir, long seed) {
        ReferenceData reference = ReferenceData.load();
        TruthModel truth = TruthModel.build(reference, seed);
        checkPublishedFigures(truth.tally(), reference);

        ReturnRenderer renderer = new ReturnRenderer(reference, truth);
        Map<String, ReturnRenderer.Rendered> rendered = new LinkedHashMap<>();
        List<ReturnSpec> plan = InboxPlan.returns();
        for (ReturnSpec spec : plan) {
            if (spec.duplicateOf == null) {
                rendered.put(spec.path, renderer.render(spec, seed));
            }
        }
        for (ReturnSpec spec : plan) {
            if (spec.duplicateOf != null) {
                rendered.put(spec.path, ReturnRenderer.duplicate(spec, rendered.get(spec.duplicateOf)));
            }
        }
        List<ReturnRenderer.Rendered> returns = rendered.values().stream().filter(r -> !r.spec().ignored).toList();
        Publication publication = Publication.of(returns);
        List<String> differences = publication.tally().differencesFrom(truth.tally());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the inbox would not publish the truth:\n" + String.join("\n", differences));
        }

        Path inbox = outDir.resolve(INBOX);
        try {
            deleteTree(inbox);
            for (ReturnRenderer.Rendered r : rendered.values()) {
                Path file = inbox.resolve(r.spec().path);
                Files.createDirectories(file.getParent());
                Files.write(file, r.file());
            }
            Files.writeString(inbox.resolve("notes.txt"), notes(), StandardCharsets.UTF_8);
            Files.writeString(inbox.resolve("_manifest.csv"), deliveryManifest(publication), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManifestWriter.write(outDir, publication, reference);
    }

    /** The truth must reproduce the published 2023/24 figures; anything else is a bug in the generator. */
    private static void checkPublishedFigures(Tally tally, ReferenceData reference) {
        FinancialYear fy = TruthModel.FY_2023;
        List<String> wrong = new ArrayList<>();
        expect(wrong, "offences", tally.total(fy), TruthModel.TOTAL_2023);
        expect(wrong, "platform recorded", tally.platformRecorded(fy), TruthModel.PLATFORM_RECORDED_2023);
        expect(wrong, "forces", tally.forces().get(fy).size(), 43);
        expect(wrong, "forces recording platform",
                tally.forces().get(fy).values().stream().filter(f -> f.platformRecorded() > 0).count(), 20);
        Map<String, Long> platforms = tally.platforms().get(fy);
        expect(wrong, "Snapchat", platforms.get("Snapchat"), 3_648);
        expect(wrong, "Instagram", platforms.get("Instagram"), 840);
        expect(wrong, "Facebook", platforms.get("Facebook"), 537);
        expect(wrong, "WhatsApp", platforms.get("WhatsApp"), 457);
        expect(wrong, "Facebook Messenger", platforms.getOrDefault("Facebook Messenger", 0L), 0);
        expect(wrong, "Threads", platforms.getOrDefault("Threads", 0L), 0);
        TruthModel.PUBLISHED_TOTALS_2023.forEach((slug, total) -> expect(wrong, slug,
                tally.forces().get(fy).get(reference.force(slug).code()).offences(), total));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("truth model misses published figures: " + wrong);
        }
    }

    private static void expect(List<String> wrong, String what, Number actual, long expected) {
        if (actual == null || actual.longValue() != expected) {
            wrong.add(what + " " + actual + " (expected " + expected + ")");
        }
    }

    private static String notes() {
        return String.join("\n",
                "Sample inbox of force returns (synthetic data, no real crimes).",
                "Generated by org.forcereturns.sample.SampleInboxGenerator; see ../README.md.",
                "This file, _manifest.csv and .hidden.csv are not returns: a pipeline must ignore them.",
                "");
    }

    /** A delivery log of the kind a portal writes beside the files; ignored because its name starts with '_'. */
    private static String deliveryManifest(Publication publication) {
        StringBuilder out = new StringBuilder("file_name,received\n");
        for (Publication.FileRow f : publication.files()) {
            out.append(f.sourceFile()).append(',').append(f.sourceFile().replaceAll(".*?(\\d{4}-\\d{2}-\\d{2}).*", "$1"))
                    .append('\n');
        }
        return out.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
