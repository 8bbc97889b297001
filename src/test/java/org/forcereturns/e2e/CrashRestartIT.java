package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.LargeInbox;
import org.forcereturns.testing.TestPostgres;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: the packaged jar runs as its own process with the JobRepository on PostgreSQL, is killed in the
 * middle of its work, and is restarted. The tables must equal those of an uninterrupted run, row for row.
 */
class CrashRestartIT {

    @TempDir
    static Path dir;
    static Path inbox;
    static Path reference;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        inbox = LargeInbox.write(dir.resolve("inbox"), 12, 16_000);
        reference = dir.resolve("wh-reference");
        Cli.Result r = JarProcess.run(dir, args(TestPostgres.freshSchema(), "run", "--inbox", inbox.toString(),
                "--warehouse", reference.toString(), "--run-date", "2024-12-31"));
        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.SUCCESS);
    }

    @Test
    void sigkillInTheMiddleThenRestartGivesTheSameTables() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        Path warehouse = dir.resolve("wh-killed");
        JarProcess job = JarProcess.start(dir, dir.resolve("killed.log"), args(db, "run", "--inbox", inbox.toString(),
                "--warehouse", warehouse.toString(), "--run-date", "2024-12-31"));
        job.awaitCommittedFiles(3);

        job.signal("KILL");
        assertThat(job.waitFor(60)).isEqualTo(137);
        assertThat(job.committedFiles()).isBetween(3L, 11L);
        assertThat(JarProcess.run(dir, args(db, "status")).out()).contains("STARTED");

        // The killed run's lease is judged stale after a lease of the restart's own: 10 s here, not a minute.
        Cli.Result restarted = JarProcess.run(dir, args(db, "restart", "--lock-lease", "10"));

        assertThat(restarted.status()).as(restarted.out()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(restarted.out()).contains("restarting run");
        assertThat(WarehouseComparison.differences(reference, warehouse)).isEmpty();
        assertThat(TestPostgres.count(db, "batch_job_execution")).isEqualTo(2);
        assertThat(JarProcess.run(dir, args(db, "status")).out()).contains("COMPLETED").contains("FAILED");
    }

    @Test
    void sigtermStopsGracefullyAndRestartFinishesTheRun() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        Path warehouse = dir.resolve("wh-stopped");
        JarProcess job = JarProcess.start(dir, dir.resolve("stopped.log"), args(db, "run", "--inbox", inbox.toString(),
                "--warehouse", warehouse.toString(), "--run-date", "2024-12-31"));
        job.awaitCommittedFiles(3);

        job.signal("TERM");
        int status = job.waitFor(120);
        assertThat(status).as(job.output()).isNotZero();
        assertThat(job.output()).contains("stop requested");
        assertThat(JarProcess.run(dir, args(db, "status")).out()).contains("STOPPED");
        assertThat(warehouse.resolve("_state/lock/1")).as("the lease is released").content().contains("released=true");

        Cli.Result restarted = JarProcess.run(dir, args(db, "restart"));

        assertThat(restarted.status()).as(restarted.out()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(WarehouseComparison.differences(reference, warehouse)).isEmpty();
    }

    @Test
    void twoRunsStartedAtOnceOnOneWarehouseOneRunsAndTheOtherExitsAtOnce() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        Path warehouse = dir.resolve("wh-concurrent");
        String[] run = args(db, "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--run-date",
                "2024-12-31");
        JarProcess first = JarProcess.start(dir, dir.resolve("first.log"), run);
        JarProcess second = JarProcess.start(dir, dir.resolve("second.log"), run);

        int a = first.waitFor(600);
        int b = second.waitFor(600);

        assertThat(List.of(a, b)).as(first.output() + "\n----\n" + second.output())
                .containsExactlyInAnyOrder(ExitStatus.SUCCESS, ExitStatus.BUSY);
        String refused = a == ExitStatus.BUSY ? first.output() : second.output();
        assertThat(refused).contains("is in use by run").doesNotContain("deliveries to ingest");
        assertThat(WarehouseComparison.differences(reference, warehouse)).isEmpty();
    }

    private static String[] args(TestPostgres.Database db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(db.springArgs()));
        return all.toArray(String[]::new);
    }
}
