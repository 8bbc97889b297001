package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FileStatus;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.PublishedFigures;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbox and warehouse on S3 for real: Adobe's S3Mock, an S3-compatible server, runs as a child process on
 * 127.0.0.1, and the packaged jar (with hadoop-aws and the AWS SDK in it) runs against {@code s3a://} URIs, set up
 * only through the job file's {@code hadoop:} map and the AWS credential variables, as docs/hdfs-and-s3.md says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3IT {

    private static final String RUN_DATE = "2026-11-29";

    @TempDir
    static Path dir;
    static S3Mock s3;
    static Storage storage;
    static Path job;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Mock.startWithSample(dir);
        storage = s3.client();
        job = S3Mock.jobFile(dir.resolve("s3.yml"), s3.hadoopSettings());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void theSampleInboxOnS3GivesThePublishedFiguresAndTheSameTablesAsOnLocalDisk() throws Exception {
        JarProcess local = JarProcess.start(dir, dir.resolve("sample-local.log"), "run", "--inbox",
                Path.of("src/sample/inbox").toAbsolutePath().toString(), "--warehouse",
                dir.resolve("wh-sample-local").toString(), "--run-date", RUN_DATE, repo("sample-local"));

        Cli.Result onS3 = runJob("run", "--job", job.toString(), "--inbox", S3Mock.SAMPLE_INBOX, "--warehouse",
                "s3a://warehouse/sample", "--run-date", RUN_DATE, repo("sample-s3"));

        assertThat(onS3.status()).as(onS3.out()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(onS3.out()).contains("3 file(s) quarantined").contains("s3a://warehouse/sample/national_summary");
        assertThat(local.waitFor(300)).as(local.output()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(storage.exists(storage.resolve("s3a://warehouse/sample/national_summary/_SUCCESS"))).isTrue();
        assertThat(storage.exists(storage.resolve("s3a://warehouse/sample/raw"))).isTrue();
        assertThat(storage.list(storage.resolve("s3a://warehouse/sample/_staging"))).as("nothing left in _staging")
                .isEmpty();

        Path copied = s3.copyTablesBack("s3a://warehouse/sample", dir.resolve("wh-sample-s3"));
        PublishedFigures.assertNationalFigures(copied);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-sample-local"), copied)).isEmpty();
    }

    /**
     * What docs/hdfs-and-s3.md says of a publish on S3, checked with a reader listing a table all through a
     * republish: a rename there is a copy and a delete, so the reader may find the table missing or partly there
     * (never promised otherwise), yet once the run has exited every table is whole, equal to a local run's, and
     * names in its {@code _SUCCESS} the run that {@code manifest.json} names, the check readers are told to make.
     */
    @Test
    @Order(2)
    void aRepublishOnS3IsWholeOnceTheRunExitsAndTheReaderCheckOfTheDocHolds() throws Exception {
        String warehouse = "s3a://warehouse/sample";
        org.apache.hadoop.fs.Path table = storage.resolve(warehouse + "/clean_offences");
        Map<String, Long> before = files(table);
        assertThat(before).containsKey("_SUCCESS").hasSizeGreaterThan(1);

        List<String> views = new ArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (publishing.get()) {
                try {
                    views.add(classify(files(table), before));
                } catch (Exception e) {
                    views.add("error: " + e.getMessage());
                }
            }
        });
        reader.start();
        Cli.Result rebuilt;
        try {
            rebuilt = runJob("rebuild", "--job", job.toString(), "--warehouse", warehouse, "--run-date", RUN_DATE,
                    repo("sample-s3"));
        } finally {
            publishing.set(false);
            reader.join();
        }

        assertThat(rebuilt.status()).as(rebuilt.out()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);
        Map<String, Long> counts = new TreeMap<>();
        views.forEach(v -> counts.merge(v.startsWith("error") ? "error" : v, 1L, Long::sum));
        System.out.println("S3IT: what a reader listing clean_offences saw during the republish: " + counts);
        assertThat(files(table)).as("the table after the run").isEqualTo(before);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-sample-local"),
                s3.copyTablesBack(warehouse, dir.resolve("wh-rebuilt-s3")))).isEmpty();
        String published = manifestRunId(warehouse);
        for (String name : WarehouseComparison.TABLES) {
            assertThat(storage.readString(storage.resolve(warehouse + "/" + name + "/_SUCCESS")).strip())
                    .as("_SUCCESS of " + name).isEqualTo(published);
        }
    }

    /**
     * Commit marks, manifests and the lease are replaced by a PUT straight to the key: a reader never finds the
     * file missing, nor half written. A read that overlaps a replacement may fail instead (S3A opens an object
     * by its ETag: "pre-conditions ... did not hold", status 412); reading again gets the new content.
     */
    @Test
    @Order(3)
    void aSmallFileReplacedManyTimesOnS3IsNeverMissingNorHalfForAReaderAndLeavesNothingBeside() throws Exception {
        org.apache.hadoop.fs.Path file = storage.resolve("s3a://warehouse/replaced/published.properties");
        String padding = "x".repeat(4096);
        storage.writeString(file, "0 " + padding);
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<String, Long> reads = new java.util.concurrent.ConcurrentSkipListMap<>();
        // S3A retries a read that met a replacement, by default 7 times from 0.5 s doubling (a minute): the reader
        // here gives up sooner, so the test does not wait a minute on it, and reads again.
        Map<String, String> impatient = new java.util.LinkedHashMap<>(s3.clientSettings());
        impatient.put("fs.s3a.retry.limit", "2");
        impatient.put("fs.s3a.retry.interval", "50ms");
        impatient.put("fs.s3a.impl.disable.cache", "true"); // else Hadoop hands back the test's client
        Storage readerStorage = new Storage(impatient);
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                String seen;
                try {
                    String content = readerStorage.readString(file);
                    seen = content.matches("\\d+ " + padding) ? "whole" : "half: " + content.length();
                } catch (java.io.FileNotFoundException e) {
                    seen = "missing";
                } catch (java.io.IOException e) {
                    seen = e.getMessage() != null && e.getMessage().contains("pre-conditions") ? "changed while read"
                            : "error: " + e.getMessage();
                }
                reads.merge(seen, 1L, Long::sum);
            }
        });
        reader.start();
        try {
            for (int i = 1; i <= 12; i++) {
                storage.writeString(file, i + " " + padding);
            }
        } finally {
            writing.set(false);
            reader.join();
        }

        System.out.println("S3IT: reads of a file replaced 12 times: " + reads);
        // What matters is what a reader never sees (the file missing, or half of it). How many reads overlap the
        // writes depends on the machine: a read that meets a replacement can spend most of the test in S3A's retries.
        assertThat(reads).isNotEmpty();
        assertThat(reads.keySet()).as("what a reader saw").isSubsetOf("whole", "changed while read");
        assertThat(storage.readString(file)).isEqualTo("12 " + padding);
        assertThat(storage.list(file.getParent())).hasSize(1);
    }

    @Test
    void anUnreachableEndpointFailsWithinSecondsInOneLine() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>(S3Mock.hadoopSettings("http://127.0.0.1:1"));
        // S3A's own retries, as docs/hdfs-and-s3.md suggests: with its defaults a refused connection takes about
        // three minutes to give up (measured here).
        settings.put("fs.s3a.attempts.maximum", "1");
        settings.put("fs.s3a.retry.limit", "1");
        long start = System.nanoTime();
        Cli.Result r = runJob("run", "--job", S3Mock.jobFile(dir.resolve("unreachable.yml"), settings).toString(), "--inbox",
                S3Mock.SAMPLE_INBOX, "--warehouse", dir.resolve("wh-unused").toString(), repo("errors"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out().strip()).as(r.out()).startsWith("force-returns-etl: cannot reach s3a://inbox/returns")
                .doesNotContain("\n").doesNotContain("\tat ");
        assertThat(seconds).as("seconds to give up").isLessThan(60);
    }

    private static Cli.Result runJob(String... args) throws Exception {
        return JarProcess.run(dir, S3Mock.credentials(), args);
    }

    /** Every file below a table folder (relative name to length); empty when the folder is missing. */
    private static Map<String, Long> files(org.apache.hadoop.fs.Path table) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        if (!storage.exists(table)) {
            return out;
        }
        String prefix = table.toString() + "/";
        for (FileStatus f : storage.listFilesRecursively(table)) {
            out.put(f.getPath().toString().substring(prefix.length()), f.getLen());
        }
        return out;
    }

    private static String classify(Map<String, Long> seen, Map<String, Long> whole) {
        if (seen.isEmpty()) {
            return "missing";
        }
        if (seen.equals(whole)) {
            return "whole";
        }
        return "partial";
    }

    private static String manifestRunId(String warehouse) throws Exception {
        String json = storage.readString(storage.resolve(warehouse + "/manifest.json"));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("run_id").asText();
    }

    private static String repo(String name) {
        return "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repo-" + name).resolve("batch");
    }
}
