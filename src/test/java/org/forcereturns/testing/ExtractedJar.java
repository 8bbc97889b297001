package org.forcereturns.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar as {@code bin/force-returns-etl} starts it: extracted by Spring Boot's jar tools and with a
 * class-data-sharing archive recorded by one training run on the sample inbox, so that each of the end-to-end
 * tests' many processes starts in half the time of a nested {@code java -jar} (a run over an empty inbox: 3.3 s
 * against 6.8 s wall, 5.8 against 11.2 CPU-s). Prepared once per build of the jar, in {@code target/it-launch/}.
 * The process is still the JVM itself, so signals reach it directly.
 */
final class ExtractedJar {

    private static Path extracted;
    private static Path archive;

    private ExtractedJar() {
    }

    /** {@code java <options> -jar <extracted jar>}: the command line to which a test adds its arguments. */
    static synchronized List<String> command(Path jar) throws IOException {
        if (extracted == null) {
            prepare(jar.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        if (archive != null) {
            command.addAll(List.of("-Xlog:cds=error", "-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        }
        command.addAll(List.of("-jar", extracted.toString()));
        return command;
    }

    private static void prepare(Path jar) throws IOException {
        Path home = jar.getParent().resolve("it-launch")
                .resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
        Path app = home.resolve("app");
        Path jarInApp = app.resolve(jar.getFileName().toString());
        Path jsa = home.resolve("app.jsa");
        if (!Files.isRegularFile(jarInApp)) {
            run(home, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    app.toString()));
        }
        if (!Files.isRegularFile(jsa)) {
            Path training = Files.createTempDirectory("force-returns-training-");
            run(home, List.of(java(), "-Xmx512m", "-Xlog:cds=error", "-XX:ArchiveClassesAtExit=" + jsa, "-jar",
                    jarInApp.toString(), "run", "--inbox", Path.of("src/sample/inbox").toAbsolutePath().toString(),
                    "--warehouse", training.resolve("warehouse").toString(), "--run-date", "2024-12-31",
                    "--spring.datasource.url=jdbc:h2:file:" + training.resolve("jobrepo") + ";USER=sa"));
        }
        extracted = jarInApp;
        // Without an archive (a JVM that cannot record one) the processes still run, only slower.
        archive = Files.isRegularFile(jsa) ? jsa : null;
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve("prepare.log");
        try {
            int status = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start().waitFor();
            if (status != 0 && status != 3) {
                throw new IOException("preparing the jar failed (" + status + "): " + command + "\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the jar", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
