package org.forcereturns.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar started by {@code bin/force-returns-etl}, as the scheduler starts it: extracted, with the
 * class-data-sharing archive its first run records, so that each of the end-to-end tests' many processes starts in
 * half the time of a nested {@code java -jar} (a run over an empty inbox: 3.3 s against 6.8 s wall, 5.8 against
 * 11.2 CPU-s). One training run on the sample records the archive before any test process starts, so every later
 * start {@code exec}s the JVM: the process a test signals is the JVM itself. Cached in {@code target/it-launch/}.
 */
final class Launcher {

    private static final Path LAUNCHER = Path.of("bin/force-returns-etl").toAbsolutePath();
    private static Map<String, String> environment;

    private Launcher() {
    }

    /** The launcher's command line, to which a test adds its arguments. */
    static List<String> command() {
        return List.of("/bin/bash", LAUNCHER.toString());
    }

    /** The environment that points the launcher at the packaged jar and this build's cache. */
    static synchronized Map<String, String> environment(Path jar) throws IOException {
        if (environment == null) {
            Path absolute = jar.toAbsolutePath();
            Map<String, String> env = Map.of("FORCE_RETURNS_JAR", absolute.toString(),
                    "FORCE_RETURNS_CACHE", absolute.getParent().resolve("it-launch").toString(),
                    "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "JAVA_OPTS", "-Xmx512m");
            train(env);
            environment = env;
        }
        return environment;
    }

    private static void train(Map<String, String> env) throws IOException {
        Path training = Files.createTempDirectory("force-returns-training-");
        List<String> command = new ArrayList<>(command());
        command.addAll(List.of("run", "--inbox", Path.of("src/sample/inbox").toAbsolutePath().toString(),
                "--warehouse", training.resolve("warehouse").toString(), "--run-date", "2024-12-31",
                "--spring.datasource.url=jdbc:h2:file:" + training.resolve("jobrepo") + ";USER=sa"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(training.toFile()).redirectErrorStream(true)
                .redirectOutput(training.resolve("training.log").toFile());
        builder.environment().putAll(env);
        try {
            int status = builder.start().waitFor();
            if (status != 0 && status != 3) {
                throw new IOException("the launcher's training run failed (" + status + "):\n"
                        + Files.readString(training.resolve("training.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted in the launcher's training run", e);
        }
    }
}
