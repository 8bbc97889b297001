package org.forcereturns.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The processes of a remote-partitioned run: a JobRepository on PostgreSQL, a broker and a queue of their own,
 * and the jar's commands pointed at them.
 */
public record RemoteRun(Path dir, TestPostgres.Database db, TestRabbit.Broker broker, String queue) {

    public static RemoteRun fresh(Path dir) throws Exception {
        return new RemoteRun(dir, TestPostgres.freshSchema(), TestRabbit.broker(), TestRabbit.freshQueue());
    }

    /** A command's arguments with the queue, the JobRepository and the broker added. */
    public String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--partition-queue", queue));
        all.addAll(List.of(db.springArgs()));
        all.addAll(List.of(broker.springArgs()));
        return all.toArray(String[]::new);
    }

    /** Starts a worker process and waits until it takes requests; its output goes to {@code <name>.log}. */
    public JarProcess worker(String name, String... options) throws Exception {
        return worker(name, Map.of(), options);
    }

    /** As {@link #worker(String, String...)}, with extra environment variables (e.g. S3 credentials). */
    public JarProcess worker(String name, Map<String, String> env, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(List.of(options));
        JarProcess worker = JarProcess.start(dir, dir.resolve(name + ".log"), env,
                args(command.toArray(String[]::new)));
        await(() -> worker.output().contains("worker ready"), worker, "worker ready");
        return worker;
    }

    /**
     * Starts the local run a remote run's tables are compared with: the bundled sample, one process, on local disk
     * and its own H2 JobRepository.
     */
    public static JarProcess localSampleRun(Path dir, Path warehouse, String runDate) throws Exception {
        return JarProcess.start(dir, dir.resolve("local.log"), "run", "--inbox",
                Path.of("src/sample/inbox").toAbsolutePath().toString(), "--warehouse", warehouse.toString(),
                "--run-date", runDate, "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/local"));
    }

    /** Removes the queue from the broker. */
    public void close() {
        broker.deleteQueue(queue);
    }

    /** Waits (at most 90 s) until {@code done}; else fails with the process's output. */
    public static void await(BooleanSupplier done, JarProcess process, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not seen within 90s: " + what + "; output:\n" + process.output());
            }
            Thread.sleep(50);
        }
    }

    /** Lines of {@code text} containing {@code part}. */
    public static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }
}
