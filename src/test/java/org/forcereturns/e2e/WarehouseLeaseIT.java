package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.LargeInbox;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse lease with real processes, a 3-second lease and each run in its own JobRepository (as on two
 * machines): a run killed as PID 1 of a container is taken over from another container, and a run paused while
 * another took over finds out before it changes anything.
 */
class WarehouseLeaseIT {

    private static final String LEASE_SECONDS = "3";

    @TempDir
    static Path dir;
    static Path inbox;
    static Path reference;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        inbox = LargeInbox.write(dir.resolve("inbox"), 12, 16_000);
        reference = dir.resolve("wh-reference");
        Cli.Result r = JarProcess.run(dir, run(reference, "repo-reference"));
        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.SUCCESS);
    }

    /**
     * A container's JVM is PID 1 and its pod gets a new host name each time: the old lock (same-host, dead-pid
     * test) could never be judged stale from the next pod. Both runs here are PID 1 in their own PID and UTS
     * namespaces.
     */
    @Test
    void aSigkilledPidOneRunInOneNamespaceIsTakenOverFromAnotherWithinTheLease() throws Exception {
        Path warehouse = dir.resolve("wh-pods");
        JarProcess podA = JarProcess.start(inNamespace("pod-a", run(warehouse, "repo-a")), dir,
                dir.resolve("pod-a.log"), Map.of());
        try {
            podA.awaitCommittedFiles(2);
            assertThat(lease(warehouse, 1)).contains("process=1\n").contains("host=pod-a\n")
                    .doesNotContain("released");
        } finally {
            podA.signal("KILL"); // unshare, and with it (--kill-child) the JVM
            podA.waitFor(60);
        }
        long start = System.nanoTime();
        JarProcess podB = JarProcess.start(inNamespace("pod-b", run(warehouse, "repo-b")), dir,
                dir.resolve("pod-b.log"), Map.of());
        int status = podB.waitFor(600);

        assertThat(status).as(podB.output()).isEqualTo(ExitStatus.SUCCESS);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to take over and finish").isLessThan(120);
        assertThat(warehouse.resolve("_state/lock/1")).as("the dead pod's generation, pruned").doesNotExist();
        assertThat(lease(warehouse, 2)).contains("process=1\n").contains("host=pod-b\n").contains("released=true");
        assertThat(WarehouseComparison.differences(reference, warehouse)).isEmpty();
    }

    /** SIGSTOP stands for a long GC pause or a lost network: the holder comes back after another run published. */
    @Test
    void aHolderPausedWhileAnotherRunPublishedStopsWithoutTouchingTheTables() throws Exception {
        Path warehouse = dir.resolve("wh-paused");
        JarProcess paused = JarProcess.start(dir, dir.resolve("paused.log"), run(warehouse, "repo-paused"));
        try {
            paused.awaitCommittedFiles(2);
        } catch (AssertionError e) {
            paused.signal("KILL");
            throw e;
        }
        paused.signal("STOP");
        try {
            Cli.Result other = JarProcess.run(dir, run(warehouse, "repo-other"));
            assertThat(other.status()).as(other.out()).isEqualTo(ExitStatus.SUCCESS);
        } finally {
            paused.signal("CONT");
        }
        // Read after the resume too: whatever the paused run does, it must not change these.
        Map<String, String> published = publishedFiles(warehouse);
        String otherRun = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(warehouse.resolve("manifest.json").toFile()).get("run_id").asText();

        int status = paused.waitFor(300);

        assertThat(status).as(paused.output()).isEqualTo(ExitStatus.FAILED);
        assertThat(paused.output()).contains("this run no longer holds the warehouse: the warehouse was taken over by run "
                + otherRun + "; stopped before ");
        assertThat(publishedFiles(warehouse)).isEqualTo(published);
        assertThat(Files.readString(warehouse.resolve("clean_offences/_SUCCESS")).trim()).isEqualTo(otherRun);
        assertThat(WarehouseComparison.differences(reference, warehouse)).isEmpty();
    }

    private static String[] run(Path warehouse, String repository) {
        return new String[] {"run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--run-date",
                "2024-12-31", "--lock-lease", LEASE_SECONDS,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve(repository).resolve("batch").toAbsolutePath()};
    }

    /** The jar as PID 1 of new PID and UTS namespaces with its own host name; killing unshare kills it. */
    private static List<String> inNamespace(String hostname, String... args) {
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--uts", "--fork", "--mount-proc",
                "--kill-child", "sh", "-c", "hostname " + hostname + " && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JarProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String lease(Path warehouse, int generation) throws IOException {
        return Files.readString(warehouse.resolve("_state/lock/" + generation));
    }

    /** Every file a reader sees (tables, manifest, report, publish mark), with its size and modification time. */
    private static Map<String, String> publishedFiles(Path warehouse) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = warehouse.relativize(f).toString();
                if (!name.startsWith("_")) {
                    out.put(name, Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
                }
            }
        }
        return out;
    }
}
