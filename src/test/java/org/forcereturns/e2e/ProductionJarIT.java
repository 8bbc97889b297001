package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.forcereturns.sample.SampleInboxGenerator;
import org.forcereturns.testing.JarProcess;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar holds production code only: the seeded sample and benchmark generators are test code, run
 * through Maven (README, generate-sample), never shipped.
 */
class ProductionJarIT {

    private static final String CLASSES = "BOOT-INF/classes/";

    @Test
    void holdsNoSampleGeneratorClasses() throws Exception {
        List<String> classes = jarClasses();
        assertThat(classes).as("the jar's own classes").anyMatch(c -> c.startsWith("org/forcereturns/domain/"));
        assertThat(classes).noneMatch(c -> c.startsWith("org/forcereturns/sample/"));
    }

    @Test
    void holdsNoClassCompiledFromTheTestTree() throws Exception {
        Path testClasses = Path.of(SampleInboxGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> fromTests;
        try (Stream<Path> walk = Files.walk(testClasses)) {
            fromTests = walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> testClasses.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(fromTests).contains("org/forcereturns/sample/SampleInboxGenerator.class");
        assertThat(jarClasses()).doesNotContainAnyElementsOf(fromTests);
    }

    /** Class files of the jar's own code, relative to {@code BOOT-INF/classes/}. */
    private static List<String> jarClasses() throws Exception {
        try (JarFile jar = new JarFile(JarProcess.jar().toFile())) {
            return jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(CLASSES) && n.endsWith(".class"))
                    .map(n -> n.substring(CLASSES.length())).toList();
        }
    }
}
