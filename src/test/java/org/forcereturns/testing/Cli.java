package org.forcereturns.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.forcereturns.cli.ForceReturnsCli;

/** Runs the command line in this JVM against a JobRepository in its own H2 file. */
public final class Cli {

    private final Path jobRepository;

    public Cli(Path workDir) {
        this.jobRepository = workDir.resolve("jobrepo");
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=jdbc:h2:file:" + jobRepository.resolve("batch").toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ForceReturnsCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
