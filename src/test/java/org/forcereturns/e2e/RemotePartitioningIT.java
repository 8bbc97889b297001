package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.LargeInbox;
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
    static Path sampleLocal;
    static Cli.Result sampleLocalRun;

    @BeforeAll
    static void localRunOfTheSample() throws Exception {
        broker = TestRabbit.broker();
        sampleLocal = dir.resolve("wh-sample-local");
        sampleLocalRun = JarProcess.run(dir, "run", "--inbox", SAMPLE_INBOX, "--warehouse", sampleLocal.toString(),
                "--run-date", RUN_DATE, "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/local"));
        assertThat(sampleLocalRun.status()).as(sampleLocalRun.out()).isEqualTo(ExitStatus.QUARANTINED);
    }

    @Test
    void twoWorkersPublishWhatALocalRunPublishesAndARequestDeliveredTwiceChangesNothing() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        String queue = TestRabbit.freshQueue();
        Path warehouse = dir.resolve("wh-sample-remote");
        JarProcess a = worker(db, queue, "worker-a");
        JarProcess b = worker(db, queue, "worker-b");
        try {
            Cli.Result run = JarProcess.run(dir, args(db, queue, "run", "--partitioning", "remote", "--inbox",
                    SAMPLE_INBOX, "--warehouse", warehouse.toString(), "--run-date", RUN_DATE, "--worker-timeout",
                    "120s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(WarehouseComparison.differences(sampleLocal, warehouse)).isEmpty();
            assertThat(a.output()).as("each worker took deliveries").contains(": taken (step execution");
            assertThat(b.output()).as("each worker took deliveries").contains(": taken (step execution");
            assertThat(a.committedFiles() + b.committedFiles()).as(a.output() + b.output()).isEqualTo(
                    count(sampleLocalRun.out(), " rows read, "));

            // The broker delivers a request again: the partition has completed, so nothing runs.
            long[] partition = completedPartition(db);
            broker.send(queue, new StepExecutionRequest("ingestDelivery", partition[0]));
            broker.send(queue, new StepExecutionRequest("ingestDelivery", partition[0]));
            String ignored = "already COMPLETED (step execution " + partition[0] + "); request ignored";
            awaitLog(() -> count(a.output() + b.output(), ignored) == 2, a, "both repeated requests ignored");
            assertThat(completedPartition(db)).as("the partition's execution is untouched").containsExactly(partition);
            assertThat(WarehouseComparison.differences(sampleLocal, warehouse)).isEmpty();

            a.signal("TERM");
            b.signal("TERM");
            assertThat(a.waitFor(60)).as(a.output()).isNotEqualTo(137);
            b.waitFor(60);
            assertThat(a.output()).contains("stop requested").contains("worker stopped");
        } finally {
            a.destroy();
            b.destroy();
            broker.deleteQueue(queue);
        }
    }

    @Test
    void noWorkerRunningFailsTheRunAfterTheTimeoutAndARequestLeftQueuedIsNotRunLater() throws Exception {
        TestPostgres.Database db = TestPostgres.freshSchema();
        String queue = TestRabbit.freshQueue();
        Path warehouse = dir.resolve("wh-no-worker");
        try {
            long started = System.nanoTime();
            Cli.Result run = JarProcess.run(dir, args(db, queue, "run", "--partitioning", "remote", "--inbox",
                    SAMPLE_INBOX, "--warehouse", warehouse.toString(), "--run-date", RUN_DATE, "--worker-timeout",
                    "5s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.FAILED);
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(60);
            assertThat(run.out().lines().filter(l -> l.startsWith("force-returns-etl: run ")).toList())
                    .singleElement().asString().contains("no worker finished 55 deliveries within the worker timeout (5s)");
            assertThat(broker.depth(queue)).isEqualTo(55);

            // A worker started later finds the run failed: it drops the requests and ingests nothing.
            JarProcess late = worker(db, queue, "worker-late");
            try {
                awaitLog(() -> count(late.output(), "; request ignored") == 55, late,
                        "the stale requests dropped");
                assertThat(late.committedFiles()).isZero();
            } finally {
                late.destroy();
            }
        } finally {
            broker.deleteQueue(queue);
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
        Path inbox = LargeInbox.write(dir.resolve("large-inbox"), 6, 16_000);
        Path local = dir.resolve("wh-large-local");
        Cli.Result localRun = JarProcess.run(dir, "run", "--inbox", inbox.toString(), "--warehouse",
                local.toString(), "--run-date", "2024-12-31",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/large"));
        assertThat(localRun.status()).as(localRun.out()).isEqualTo(ExitStatus.SUCCESS);

        TestPostgres.Database db = TestPostgres.freshSchema();
        String queue = TestRabbit.freshQueue();
        Path warehouse = dir.resolve("wh-large-remote");
        JarProcess doomed = worker(db, queue, "worker-killed", "--threads", "1");
        JarProcess second = null;
        try {
            JarProcess manager = JarProcess.start(dir, dir.resolve("manager-killed.log"), args(db, queue, "run",
                    "--partitioning", "remote", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                    "--run-date", "2024-12-31", "--worker-timeout", "20s"));
            awaitLog(() -> doomed.committedFiles() >= 1 && count(doomed.output(), ": taken (") >= 2, doomed,
                    "a second delivery taken");
            doomed.signal("KILL");
            assertThat(doomed.waitFor(30)).isEqualTo(137);

            assertThat(manager.waitFor(90)).as(manager.output()).isEqualTo(ExitStatus.FAILED);
            assertThat(manager.output()).contains("no worker finished");

            second = worker(db, queue, "worker-second");
            Cli.Result restarted = JarProcess.run(dir, args(db, queue, "restart", "--partitioning", "remote",
                    "--worker-timeout", "120s"));

            assertThat(restarted.status()).as(restarted.out() + second.output()).isEqualTo(ExitStatus.SUCCESS);
            assertThat(WarehouseComparison.differences(local, warehouse)).isEmpty();
            assertThat(doomed.committedFiles() + second.committedFiles()).isEqualTo(6);
        } finally {
            doomed.destroy();
            if (second != null) {
                second.destroy();
            }
            broker.deleteQueue(queue);
        }
    }

    private static JarProcess worker(TestPostgres.Database db, String queue, String name, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(List.of(options));
        JarProcess worker = JarProcess.start(dir, dir.resolve(name + ".log"), args(db, queue,
                command.toArray(String[]::new)));
        awaitLog(() -> worker.output().contains("worker ready"), worker, "worker ready");
        return worker;
    }

    private static String[] args(TestPostgres.Database db, String queue, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--partition-queue", queue));
        all.addAll(List.of(db.springArgs()));
        all.addAll(List.of(broker.springArgs()));
        return all.toArray(String[]::new);
    }

    private static void awaitLog(java.util.function.BooleanSupplier done, JarProcess process, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not seen within 90s: " + what + "; output:\n" + process.output());
            }
            Thread.sleep(50);
        }
    }

    private static long count(String text, String part) {
        Predicate<String> has = l -> l.contains(part);
        return text.lines().filter(has).count();
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
