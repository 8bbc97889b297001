package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.testing.RemoteRun.count;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.LargeInbox;
import org.forcereturns.testing.MessyReturns;
import org.forcereturns.testing.RemoteRun;
import org.forcereturns.testing.TestPostgres;
import org.forcereturns.testing.TestRabbit;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Remote partitioning with real processes: a manager ({@code run --partitioning remote}) and worker processes
 * ({@code worker}) of the packaged jar, sharing a JobRepository on PostgreSQL and a warehouse folder, over a real
 * RabbitMQ; each test on its own queue. The tables must equal a local run's, row for row, whatever befalls the
 * workers or the broker.
 */
class RemotePartitioningIT {

    private static final String SAMPLE_INBOX = Path.of("src/sample/inbox").toAbsolutePath().toString();
    private static final String RUN_DATE = "2026-11-29";

    @TempDir
    static Path dir;
    static TestRabbit.Broker broker;
    static Path messyInbox;
    static Path messyLocal;
    static Cli.Result messyLocalRun;

    @BeforeAll
    static void localRunOfTheMessyInbox() throws Exception {
        broker = TestRabbit.broker();
        messyInbox = messyInbox();
        messyLocal = dir.resolve("wh-messy-local");
        messyLocalRun = JarProcess.run(dir, "run", "--inbox", messyInbox.toString(), "--warehouse",
                messyLocal.toString(), "--run-date", RUN_DATE,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/local"));
        assertThat(messyLocalRun.status()).as(messyLocalRun.out()).isEqualTo(ExitStatus.QUARANTINED);
    }

    @Test
    void twoWorkersPublishWhatALocalRunPublishesOnAMessyInboxAndARequestDeliveredTwiceChangesNothing()
            throws Exception {
        RemoteRun remote = RemoteRun.fresh(dir);
        Path warehouse = dir.resolve("wh-messy-remote");
        JarProcess a = remote.worker("worker-a");
        JarProcess b = remote.worker("worker-b");
        try {
            Cli.Result run = JarProcess.run(dir, remote.args("run", "--partitioning", "remote", "--inbox",
                    messyInbox.toString(), "--warehouse", warehouse.toString(), "--run-date", RUN_DATE,
                    "--worker-timeout", "120s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(WarehouseComparison.differences(messyLocal, warehouse)).isEmpty();
            assertEveryFilesOutcomeAndNoTableEmpty(warehouse);
            assertThat(a.output()).as("each worker took deliveries").contains(": taken (step execution");
            assertThat(b.output()).as("each worker took deliveries").contains(": taken (step execution");
            assertThat(a.committedFiles() + b.committedFiles()).as(a.output() + b.output()).isEqualTo(
                    count(messyLocalRun.out(), " rows read, "));

            // The broker delivers a request again: the partition has completed, so nothing runs.
            long[] partition = completedPartition(remote.db());
            broker.send(remote.queue(), new StepExecutionRequest("ingestDelivery", partition[0]));
            broker.send(remote.queue(), new StepExecutionRequest("ingestDelivery", partition[0]));
            String ignored = "already COMPLETED (step execution " + partition[0] + "); request ignored";
            RemoteRun.await(() -> count(a.output() + b.output(), ignored) == 2, a, "both repeated requests ignored");
            assertThat(completedPartition(remote.db())).as("the partition's execution is untouched").containsExactly(partition);
            assertThat(WarehouseComparison.differences(messyLocal, warehouse)).isEmpty();

            a.signal("TERM");
            b.signal("TERM");
            assertThat(a.waitFor(60)).as(a.output()).isNotEqualTo(137);
            b.waitFor(60);
            assertThat(a.output()).contains("stop requested").contains("worker stopped");
        } finally {
            a.destroy();
            b.destroy();
            remote.close();
        }
    }

    @Test
    void noWorkerRunningFailsTheRunAfterTheTimeoutAndARequestLeftQueuedIsNotRunLater() throws Exception {
        RemoteRun remote = RemoteRun.fresh(dir);
        Path warehouse = dir.resolve("wh-no-worker");
        try {
            long started = System.nanoTime();
            Cli.Result run = JarProcess.run(dir, remote.args("run", "--partitioning", "remote", "--inbox",
                    SAMPLE_INBOX, "--warehouse", warehouse.toString(), "--run-date", RUN_DATE, "--worker-timeout",
                    "5s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.FAILED);
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(60);
            assertThat(run.out().lines().filter(l -> l.startsWith("force-returns-etl: run ")).toList())
                    .singleElement().asString().contains("no worker finished 55 deliveries within the worker timeout (5s)");
            assertThat(broker.depth(remote.queue())).isEqualTo(55);

            // A worker started later finds the run failed: it drops the requests and ingests nothing.
            JarProcess late = remote.worker("worker-late");
            try {
                RemoteRun.await(() -> count(late.output(), "; request ignored") == 55, late,
                        "the stale requests dropped");
                assertThat(late.committedFiles()).isZero();
            } finally {
                late.destroy();
            }
        } finally {
            remote.close();
        }
    }

    @Test
    void rabbitMqUnreachableFailsInSecondsWithOneLine() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<String> run = new ArrayList<>(List.of("run", "--partitioning", "remote", "--inbox", SAMPLE_INBOX,
                "--warehouse", dir.resolve("wh-no-broker").toString(), "--run-date", RUN_DATE,
                "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + closed));
        run.addAll(List.of(db.springArgs()));
        long started = System.nanoTime();
        Cli.Result manager = JarProcess.run(dir, run.toArray(String[]::new));

        assertThat(manager.status()).as(manager.out()).isEqualTo(ExitStatus.FAILED);
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(30);
        assertThat(manager.out().lines().filter(l -> l.startsWith("force-returns-etl: run ")).toList())
                .singleElement().asString().contains("cannot send the deliveries to RabbitMQ");

        List<String> work = new ArrayList<>(List.of("worker", "--spring.rabbitmq.host=127.0.0.1",
                "--spring.rabbitmq.port=" + closed));
        work.addAll(List.of(db.springArgs()));
        Cli.Result worker = JarProcess.run(dir, work.toArray(String[]::new));
        assertThat(worker.status()).as(worker.out()).isEqualTo(ExitStatus.FAILED);
        assertThat(worker.out()).contains("force-returns-etl: cannot reach RabbitMQ at 127.0.0.1:" + closed);
    }

    @Test
    void theEmbeddedJobRepositoryIsRefusedSinceWorkersCannotShareIt() throws Exception {
        Cli.Result manager = JarProcess.run(dir, "run", "--partitioning", "remote", "--inbox", SAMPLE_INBOX,
                "--warehouse", dir.resolve("wh-h2").toString());
        Cli.Result worker = JarProcess.run(dir, "worker");

        assertThat(manager.status()).as(manager.out()).isEqualTo(ExitStatus.USAGE);
        assertThat(manager.out()).contains("force-returns-etl: --partitioning remote needs a JobRepository shared "
                + "with the workers, not the embedded H2 database");
        assertThat(worker.status()).as(worker.out()).isEqualTo(ExitStatus.USAGE);
        assertThat(worker.out()).contains("force-returns-etl: a worker needs a JobRepository shared with the runs");
    }

    @Test
    void aWorkerKilledMidDeliveryFailsTheRunAfterTheTimeoutAndRestartWithAWorkerFinishesIt() throws Exception {
        Path local = largeInboxRunLocally();
        RemoteRun remote = RemoteRun.fresh(dir);
        Path warehouse = dir.resolve("wh-large-remote");
        JarProcess doomed = remote.worker("worker-killed", "--threads", "1");
        JarProcess second = null;
        try {
            JarProcess manager = JarProcess.start(dir, dir.resolve("manager-killed.log"), remote.args("run",
                    "--partitioning", "remote", "--inbox", largeInbox.toString(), "--warehouse",
                    warehouse.toString(), "--run-date", "2024-12-31", "--worker-timeout", "20s"));
            RemoteRun.await(() -> doomed.committedFiles() >= 1 && count(doomed.output(), ": taken (") >= 2, doomed,
                    "a second delivery taken");
            doomed.signal("KILL");
            assertThat(doomed.waitFor(30)).isEqualTo(137);

            assertThat(manager.waitFor(90)).as(manager.output()).isEqualTo(ExitStatus.FAILED);
            assertThat(manager.output()).contains("no worker finished");

            second = remote.worker("worker-second");
            Cli.Result restarted = JarProcess.run(dir, remote.args("restart", "--partitioning", "remote",
                    "--worker-timeout", "120s"));

            assertThat(restarted.status()).as(restarted.out() + second.output()).isEqualTo(ExitStatus.SUCCESS);
            assertThat(WarehouseComparison.differences(local, warehouse)).isEmpty();
            assertThat(doomed.committedFiles() + second.committedFiles()).isEqualTo(6);
        } finally {
            doomed.destroy();
            if (second != null) {
                second.destroy();
            }
            remote.close();
        }
    }

    @Test
    void sigtermToAWorkerLetsItFinishTheDeliveryInHandWhileAnotherWorkerFinishesTheRun() throws Exception {
        Path local = largeInboxRunLocally();
        RemoteRun remote = RemoteRun.fresh(dir);
        Path warehouse = dir.resolve("wh-large-sigterm");
        JarProcess stopped = remote.worker("worker-stopped", "--threads", "1");
        JarProcess other = remote.worker("worker-other", "--threads", "1");
        try {
            JarProcess manager = JarProcess.start(dir, dir.resolve("manager-sigterm.log"), remote.args("run",
                    "--partitioning", "remote", "--inbox", largeInbox.toString(), "--warehouse",
                    warehouse.toString(), "--run-date", "2024-12-31", "--worker-timeout", "120s"));
            RemoteRun.await(() -> count(stopped.output(), ": taken (") >= 1, stopped, "a delivery taken");
            long before = stopped.committedFiles();
            stopped.signal("TERM");
            stopped.waitFor(150);

            String afterStop = stopped.output().substring(stopped.output().indexOf("stop requested"));
            assertThat(afterStop).as("the delivery in hand finished after the stop")
                    .containsPattern(": (LOADED|QUARANTINED) \\(").contains("worker stopped");
            assertThat(stopped.committedFiles()).isGreaterThan(before);
            assertThat(manager.waitFor(180)).as(manager.output() + other.output()).isEqualTo(ExitStatus.SUCCESS);
            assertThat(WarehouseComparison.differences(local, warehouse)).isEmpty();
        } finally {
            stopped.destroy();
            other.destroy();
            remote.close();
        }
    }

    /**
     * The sample inbox (corrections, re-deliveries plain and gzipped, Windows-1252 files, broken quotes and rows, a
     * file quarantined for too many rejects and one for missing columns, both layouts) with, in {@code messy/}, the
     * job tests' other awkward returns: encodings and unreadable files, a link and a pipe, cells re-stated in part.
     */
    private static Path messyInbox() throws Exception {
        Path inbox = dir.resolve("messy-inbox");
        Path sample = Path.of(SAMPLE_INBOX);
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Files.copy(p, inbox.resolve(sample.relativize(p).toString()));
            }
        }
        MessyReturns.encodingsAndUnreadableFiles(inbox.resolve("messy/encodings"));
        MessyReturns.linkAndPipe(inbox.resolve("messy/links"), dir.resolve("secret.csv"));
        MessyReturns.partialRestatements(new InboxWriter(inbox.resolve("messy/restated")));
        return inbox;
    }

    /**
     * Every file of the messy inbox has the outcome it should (the sample's as its manifest says), and every table
     * the comparison reads has rows, so that no comparison passes for want of them.
     */
    private static void assertEveryFilesOutcomeAndNoTableEmpty(Path warehouse) throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            String outcome = "source_file, status, coalesce(quarantine_reason, '') AS reason";
            List<Map<String, Object>> expected = new ArrayList<>(duck.rows("SELECT " + outcome + " FROM read_csv('"
                    + Path.of("src/sample/expected-files.csv").toAbsolutePath() + "', all_varchar = true)"));
            // Every empty file repeats the bytes of the sample's 0-byte 2024-05-31_warwickshire.csv (UNREADABLE).
            outcomes(expected, "LOADED", "", "encodings/2024-05-01_kent.csv", "encodings/2024-05-02_essex.csv.gz",
                    "encodings/2024-05-03_surrey.csv", "restated/2024-05-01_kent_q.csv",
                    "restated/2024-06-01_kent_may.csv", "restated/2024-07-01_kent_q2.csv");
            outcomes(expected, "DUPLICATE", "", "encodings/2024-05-04_empty.csv",
                    "encodings/2024-05-05_empty_again.csv", "restated/2024-07-02_kent_q2_again.csv",
                    "restated/2024-07-03_kent.csv");
            outcomes(expected, "QUARANTINED", "UNREADABLE", "encodings/2024-05-06_utf16.csv",
                    "encodings/2024-05-07_broken.csv.gz", "links/2024-05-02_kent.csv", "links/2024-05-03_essex.csv");
            assertThat(duck.rows("SELECT " + outcome + " FROM {file_inventory}"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (String table : WarehouseComparison.TABLES) {
                assertThat(duck.scalarLong("SELECT count(*) FROM {" + table + "}")).as(table).isPositive();
            }
        }
    }

    /** Adds the outcome of files in {@code messy/}. */
    private static void outcomes(List<Map<String, Object>> into, String status, String reason, String... files) {
        for (String file : files) {
            into.add(Map.of("source_file", "messy/" + file, "status", status, "reason", reason));
        }
    }

    static Path largeInbox;
    static Path largeLocal;

    /** Six files of 16,000 rows, and their tables from a local run (made once, for the tests that use them). */
    private static synchronized Path largeInboxRunLocally() throws Exception {
        if (largeLocal == null) {
            largeInbox = LargeInbox.write(dir.resolve("large-inbox"), 6, 16_000);
            Path local = dir.resolve("wh-large-local");
            Cli.Result run = JarProcess.run(dir, "run", "--inbox", largeInbox.toString(), "--warehouse",
                    local.toString(), "--run-date", "2024-12-31",
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/large"));
            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.SUCCESS);
            largeLocal = local;
        }
        return largeLocal;
    }

    /** A completed partition's step execution id and version. */
    private static long[] completedPartition(TestPostgres.Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT step_execution_id, version FROM " + db.schema()
                     + ".batch_step_execution WHERE step_name LIKE 'ingestDelivery:%' AND status = 'COMPLETED' "
                     + "ORDER BY step_execution_id LIMIT 1")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }
}
