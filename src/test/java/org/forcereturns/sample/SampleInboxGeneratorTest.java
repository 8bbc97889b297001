package org.forcereturns.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleInboxGeneratorTest {

    static final Path COMMITTED = Path.of("src/sample");

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SampleInboxGenerator.generate(a, SampleInboxGenerator.DEFAULT_SEED);
        SampleInboxGenerator.generate(b, SampleInboxGenerator.DEFAULT_SEED);
        Map<String, byte[]> first = tree(a, false);
        Map<String, byte[]> second = tree(b, false);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void regeneratingReplacesTheOldInbox(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/stale.csv"), "Force,Month\n");
        SampleInboxGenerator.generate(dir, SampleInboxGenerator.DEFAULT_SEED);
        assertThat(dir.resolve("inbox/stale.csv")).doesNotExist();
    }

    @Test
    void anotherSeedGivesOtherFilesButTheSamePublishedFigures(@TempDir Path dir) throws IOException {
        SampleInboxGenerator.generate(dir, 7L);
        assertThat(Files.readString(dir.resolve("inbox/2024-04-18_south-yorkshire.csv")))
                .isNotEqualTo(Files.readString(COMMITTED.resolve("inbox/2024-04-18_south-yorkshire.csv")));
        ManifestFiguresTest.assertPublishedFigures(dir);
    }

    /**
     * The committed sample cannot drift from the generator. Gzipped files are compared after gunzip: the deflate
     * bytes may differ between JDK builds, the content may not.
     */
    @Test
    void committedSampleIsAFreshGenerationWithTheDefaultSeed(@TempDir Path fresh) throws IOException {
        SampleInboxGenerator.generate(fresh, SampleInboxGenerator.DEFAULT_SEED);
        Map<String, byte[]> expected = tree(fresh, true);
        Map<String, byte[]> committed = tree(COMMITTED, true);
        committed.keySet().removeIf(name -> !expected.containsKey(name) && name.endsWith(".md"));
        assertThat(committed.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(committed.get(name))
                .as("%s differs from a fresh generation: regenerate, see src/sample/README.md", name).isEqualTo(bytes));
    }

    /** Every file under root, keyed by its '/'-separated relative path; gzipped files optionally gunzipped. */
    static Map<String, byte[]> tree(Path root, boolean gunzip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                files.put(name, gunzip && name.endsWith(".gz") ? gunzip(p) : Files.readAllBytes(p));
            }
        }
        return files;
    }

    static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
