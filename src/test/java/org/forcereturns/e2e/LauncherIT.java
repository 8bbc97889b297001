package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.LargeInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/force-returns-etl, the scheduler's entry point: Parallel GC, an extracted jar and a CDS archive. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/force-returns-etl").toAbsolutePath();

    @TempDir
    Path dir;

    private Map<String, String> env(String javaOpts) {
        return Map.of("FORCE_RETURNS_JAR", JarProcess.jar().toAbsolutePath().toString(),
                "FORCE_RETURNS_CACHE", dir.resolve("cache").toString(), "JAVA_OPTS", javaOpts,
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private List<String> command(Path inbox, Path warehouse) {
        return List.of("/bin/bash", LAUNCHER.toString(), "run", "--inbox", inbox.toString(), "--warehouse",
                warehouse.toString(), "--run-date", "2024-12-31",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo") + ";USER=sa");
    }

    private JarProcess start(List<String> command, String log, String javaOpts) throws Exception {
        return JarProcess.start(command, dir, dir.resolve(log), env(javaOpts));
    }

    private List<Path> cached(String name) throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(name)).toList();
        }
    }

    @Test
    void theFirstRunRecordsAnArchiveThatLaterRunsStartFromWithTheParallelCollector() throws Exception {
        Path sample = Path.of("src/sample/inbox").toAbsolutePath();
        Path warehouse = dir.resolve("wh");

        JarProcess first = start(command(sample, warehouse), "first.log", "-Xmx512m");
        int firstStatus = first.waitFor(300);

        // The sample quarantines files on purpose (exit 3); the headlines are the published figures. The JVM's
        // settings stay out of the output: no CDS warnings.
        assertThat(firstStatus).as(first.output()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(first.output()).contains("38,685").doesNotContain("[cds]");
        assertThat(cached("app.jsa")).as("one archive, no half-written one left").hasSize(1)
                .allMatch(p -> p.getFileName().toString().equals("app.jsa"));
        assertThat(cached("force-returns-etl.jar")).hasSize(1);

        JarProcess second = start(command(sample, warehouse), "second.log",
                "-Xmx512m -Xlog:gc=info -Xlog:class+load=info");
        int secondStatus = second.waitFor(300);

        assertThat(secondStatus).as(second.output()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(second.output()).contains("nothing new").contains("Using Parallel");
        // Classes of the job itself come from the archive the first run recorded (its "top" layer).
        assertThat(second.output().lines().filter(l -> l.contains("org.forcereturns.")
                && l.contains("source: shared objects file (top)")).count()).isGreaterThan(50);
    }

    @Test
    void termDuringTheFirstRunReachesTheJobWhichStopsGracefully() throws Exception {
        Path inbox = LargeInbox.write(dir.resolve("inbox"), 12, 16_000);
        JarProcess run = start(command(inbox, dir.resolve("wh")), "run.log", "-Xmx512m");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (run.output().lines().filter(l -> l.contains(": LOADED")).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        run.signal("TERM");
        int status = run.waitFor(120);

        assertThat(status).as(run.output()).isNotZero();
        assertThat(run.output()).contains("stop requested");
        assertThat(cached("app.jsa.")).as("no half-written archive is left").isEmpty();
    }

    @Test
    void aCollectorNamedInJavaOptsReplacesTheParallelCollector() throws Exception {
        JarProcess help = JarProcess.start(List.of("/bin/bash", LAUNCHER.toString(), "--help"), dir,
                dir.resolve("help.log"), env("-Xmx256m -XX:+UseSerialGC -Xlog:gc=info"));

        assertThat(help.waitFor(120)).as(help.output()).isZero();
        assertThat(help.output()).contains("Using Serial").contains("Usage:").doesNotContain("Using Parallel");
    }

    /** Class-data sharing, the heap and the collector; the JIT compiles as it does for `java -jar`. */
    @Test
    void theLauncherSetsNoJitFlags() throws Exception {
        JarProcess help = JarProcess.start(List.of("/bin/bash", LAUNCHER.toString(), "--help"), dir,
                dir.resolve("flags.log"), env("-Xmx256m -XX:+PrintCommandLineFlags"));

        assertThat(help.waitFor(120)).as(help.output()).isZero();
        String flags = help.output().lines().filter(l -> l.contains("-XX:MaxHeapSize=")).findFirst().orElseThrow();
        assertThat(flags).contains("-XX:+UseParallelGC").doesNotContain("Compile").doesNotContain("Tier");
    }

    @Test
    void withoutAJarItSaysHowToBuildOne() throws Exception {
        List<String> command = new ArrayList<>(command(dir, dir.resolve("wh")));
        Map<String, String> env = new java.util.HashMap<>(env("-Xmx512m"));
        env.put("FORCE_RETURNS_JAR", dir.resolve("missing.jar").toString());
        JarProcess run = JarProcess.start(command, dir, dir.resolve("missing.log"), env);

        assertThat(run.waitFor(30)).isEqualTo(2);
        assertThat(run.output()).contains("no jar found").contains("mvn package");
    }
}
