package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.testing.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a scheduler sees it: log lines, the last line's alert, clear one-line failures. */
class OperationsIT {

    @TempDir
    Path dir;

    private Path inbox() {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-05-01_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform",
                "Kent,SECRET-REF-1,2023-04-03,86/2,Snapchat", "Kent,SECRET-REF-2,2023-04-04,86/2,Carrier pigeon",
                "Kent,SECRET-REF-3,not a date,86/2,");
        inbox.file("2024-05-02_notes.csv", "Nothing,To,See");
        return inbox.root();
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTheRunIdAndNoOffenceRows() throws Exception {
        Cli.Result r = JarProcess.run(dir, "run", "--inbox", inbox().toString(), "--warehouse",
                dir.resolve("wh").toString(), "--run-date", "2024-12-31", "--reject-threshold", "0.5",
                "--log-format", "json", "--metrics-textfile", dir.resolve("m.prom").toString(),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repo/batch"));

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.QUARANTINED);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> logs = r.out().lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + l, e);
            }
        }).toList();
        assertThat(logs).hasSizeGreaterThan(3);
        // Spring Boot's structured logging (logstash fields): the MDC's run and file are fields of their own.
        assertThat(logs).allSatisfy(l -> assertThat(l.get("run").asText()).startsWith("r"));
        assertThat(logs).anySatisfy(l -> assertThat(l.has("file")).isTrue());
        JsonNode last = logs.get(logs.size() - 1);
        assertThat(last.get("message").asText()).contains("exit status 3").contains("1 file(s) quarantined")
                .contains("1 new unmapped platform value(s)");
        assertThat(r.out()).doesNotContain("SECRET-REF").doesNotContain("Carrier pigeon");
    }

    @Test
    void onATerminalALiveProgressLineIsRewrittenInPlace() throws Exception {
        Path big = org.forcereturns.testing.LargeInbox.write(dir.resolve("big"), 6, 20_000);
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", javaCommand, "-jar", JarProcess.jar().toAbsolutePath().toString(), "run",
                "--inbox", big.toString(), "--warehouse", dir.resolve("wh-tty").toString(), "--run-date", "2024-12-31",
                "--metrics-textfile", dir.resolve("tty.prom").toString(),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repo-tty/batch"));
        // util-linux's script gives the job a pseudo-terminal, as an engineer's shell would.
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isEqualTo(ExitStatus.SUCCESS);
        assertThat(output).containsPattern("\\ringest: \\d+/6 files, [0-9,]+ rows, [0-9,]+ rows/s, [0-9?:]+ left")
                .doesNotContain("progress: ingest");
    }

    @Test
    void aPostgresUrlAloneChoosesTheJobRepository() throws Exception {
        org.forcereturns.testing.TestPostgres.Database db = org.forcereturns.testing.TestPostgres.freshSchema();
        String url = db.url() + "&user=" + db.user() + "&password=" + db.password();

        Cli.Result r = JarProcess.run(dir, "run", "--inbox", inbox().toString(), "--warehouse",
                dir.resolve("wh-pg").toString(), "--run-date", "2024-12-31", "--reject-threshold", "0.5",
                "--metrics-textfile", dir.resolve("pg.prom").toString(), "--spring.datasource.url=" + url);

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(org.forcereturns.testing.TestPostgres.count(db, "batch_job_execution")).isEqualTo(1);
        assertThat(dir.resolve("var/jobrepo")).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndExitOne() throws Exception {
        Cli.Result r = JarProcess.run(dir, "run", "--inbox", inbox().toString(), "--warehouse",
                dir.resolve("wh").toString(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=2000");

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).doesNotContain("\tat ").contains(
                "force-returns-etl: failed: cannot start with the JobRepository at jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(r.out().lines().filter(l -> l.startsWith("force-returns-etl:")).count()).isEqualTo(1);
        assertThat(dir.resolve("wh/clean_offences")).doesNotExist();
    }
}
