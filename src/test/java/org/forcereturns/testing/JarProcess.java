package org.forcereturns.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a separate process, as the scheduler runs it: through {@code bin/force-returns-etl}
 * ({@link Launcher}).
 */
public final class JarProcess {

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("force-returns.jar", "target/force-returns-etl.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged jar " + jar + " is missing: run `mvn verify`");
        }
        return jar;
    }

    public static JarProcess start(Path workDir, Path log, String... args) throws IOException {
        return start(workDir, log, Map.of(), args);
    }

    /** Starts the jar with extra environment variables (e.g. {@code HADOOP_USER_NAME}). */
    public static JarProcess start(Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(Launcher.command());
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(Launcher.environment(jar()));
        environment.putAll(env);
        return start(command, workDir, log, environment);
    }

    /** Starts any command (such as bin/force-returns-etl) with its output in {@code log}. */
    public static JarProcess start(List<String> command, Path workDir, Path log, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        return new JarProcess(p, log);
    }

    /** Runs to the end (at most ten minutes) and returns the exit status and output. */
    public static Cli.Result run(Path workDir, String... args) throws Exception {
        return run(workDir, Map.of(), args);
    }

    /** Runs to the end (at most ten minutes) with extra environment variables. */
    public static Cli.Result run(Path workDir, Map<String, String> env, String... args) throws Exception {
        // The log goes to the system's temporary folder, never into the working folder (which may be the repository).
        Path log = Files.createTempFile("force-returns-run-", ".log");
        JarProcess p = start(workDir, log, env, args);
        int status = p.waitFor(600);
        return new Cli.Result(status, p.output(), "");
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the job did not end within " + seconds + "s; output:\n" + output());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process if it is still running (a test's clean-up). */
    public void destroy() {
        process.destroyForcibly();
    }

    /** Sends a real signal (KILL or TERM) to the process. */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits (at most three minutes) until the run has committed {@code files} deliveries to its ledger. */
    public void awaitCommittedFiles(long files) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (committedFiles() < files) {
            if (!isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("the job ended or stalled before ingesting " + files + " files:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /**
     * Deliveries this run has committed to its ledger, as it logs them: one line per file, written once the file's
     * step has recorded it (the ledger itself is in the run's database, which an embedded H2 keeps to itself).
     */
    public long committedFiles() {
        return output().lines().filter(l -> COMMITTED.matcher(l).find()).count();
    }

    private static final java.util.regex.Pattern COMMITTED =
            java.util.regex.Pattern.compile(": (LOADED|QUARANTINED) \\(\\d+ rows read");

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
