package org.forcereturns.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticInboxGeneratorTest {

    @Test
    void writesExactlyTheRowsAskedForDeterministically(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticInboxGenerator.generate(a, 12_345, 2, 1L);
        SyntheticInboxGenerator.generate(b, 12_345, 2, 1L);
        Map<String, byte[]> first = SampleInboxGeneratorTest.tree(a, false);
        Map<String, byte[]> second = SampleInboxGeneratorTest.tree(b, false);
        assertThat(first).hasSize(86);
        long rows = 0;
        for (Map.Entry<String, byte[]> f : first.entrySet()) {
            assertThat(second.get(f.getKey())).isEqualTo(f.getValue());
            rows += Files.readAllLines(a.resolve(f.getKey())).size() - 1;
        }
        assertThat(rows).isEqualTo(12_345);
        assertThat(first).containsKey("2024-05-01_kent_2023-24.csv").containsKey("2023-05-01_kent_2022-23.csv");
    }
}
