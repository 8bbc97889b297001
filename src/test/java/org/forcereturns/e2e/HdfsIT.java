package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.PublishedFigures;
import org.forcereturns.testing.LargeInbox;
import org.forcereturns.testing.MiniHdfs;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbox and warehouse on a real HDFS: a MiniDFSCluster (one NameNode, one DataNode) runs in this JVM and the
 * packaged jar runs as its own process against {@code hdfs://localhost:<port>/...}, with no Hadoop settings
 * beyond the URI. The tables are copied back to local disk and read with DuckDB; they must equal those of the
 * same inbox run on local disk, row for row, including after a SIGKILL and a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsIT {

    private static final String RUN_DATE = "2026-11-29";

    @TempDir
    static Path dir;
    static MiniHdfs mini;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String hdfsUri;

    @BeforeAll
    static void startHdfs() throws Exception {
        mini = MiniHdfs.start(dir);
        cluster = mini.cluster;
        hdfs = mini.fs;
        hdfsUri = mini.uri;
    }

    @AfterAll
    static void stopHdfs() {
        if (mini != null) {
            mini.close();
        }
    }

    @Test
    @Order(1)
    void theSampleInboxOnHdfsGivesThePublishedFiguresAndTheSameTablesAsOnLocalDisk() throws Exception {
        JarProcess local = JarProcess.start(dir, dir.resolve("sample-local.log"), "run", "--inbox",
                Path.of("src/sample/inbox").toAbsolutePath().toString(), "--warehouse",
                dir.resolve("wh-sample-local").toString(), "--run-date", RUN_DATE, repo("sample-local"));

        Cli.Result onHdfs = JarProcess.run(dir, "run", "--inbox", hdfsUri + "/inbox", "--warehouse",
                hdfsUri + "/warehouse", "--run-date", RUN_DATE, repo("sample-hdfs"));

        assertThat(onHdfs.status()).as(onHdfs.out()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(onHdfs.out()).contains("3 file(s) quarantined").contains(hdfsUri + "/warehouse/national_summary");
        assertThat(local.waitFor(300)).as(local.output()).isEqualTo(ExitStatus.QUARANTINED);
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/warehouse/national_summary/_SUCCESS"))).isTrue();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/warehouse/raw"))).isTrue();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/warehouse/_staging"))
                && hdfs.listStatus(new org.apache.hadoop.fs.Path("/warehouse/_staging")).length > 0)
                .as("nothing left in _staging").isFalse();

        Path copied = copyTablesBack("/warehouse", "wh-sample-hdfs");
        PublishedFigures.assertNationalFigures(copied);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-sample-local"), copied)).isEmpty();
    }

    @Test
    @Order(2)
    void rebuildOnHdfsRepublishesTheSameTables() throws Exception {
        Cli.Result rebuilt = JarProcess.run(dir, "rebuild", "--warehouse", hdfsUri + "/warehouse", "--run-date",
                RUN_DATE, repo("sample-hdfs"));

        assertThat(rebuilt.status()).as(rebuilt.out()).isIn(ExitStatus.SUCCESS, ExitStatus.QUARANTINED);
        assertThat(WarehouseComparison.differences(dir.resolve("wh-sample-local"),
                copyTablesBack("/warehouse", "wh-rebuilt-hdfs"))).isEmpty();
    }

    @Test
    @Order(3)
    void sigkillOnHdfsThenRestartGivesTheSameTablesAsAnUninterruptedRun() throws Exception {
        int files = 6;
        Path inbox = LargeInbox.write(dir.resolve("large-inbox"), files, 12_000);
        hdfs.copyFromLocalFile(false, true, hadoopPath(inbox), new org.apache.hadoop.fs.Path("/large-inbox"));
        Path reference = dir.resolve("wh-large-local");
        JarProcess uninterrupted = JarProcess.start(dir, dir.resolve("large-local.log"), "run", "--inbox",
                inbox.toString(), "--warehouse", reference.toString(), "--run-date", RUN_DATE, repo("large-local"));

        JarProcess killed = JarProcess.start(dir, dir.resolve("large-killed.log"), "run", "--inbox",
                hdfsUri + "/large-inbox", "--warehouse", hdfsUri + "/wh-killed", "--run-date", RUN_DATE,
                repo("large-hdfs"));
        killed.awaitCommittedFiles(1);
        killed.signal("KILL");
        assertThat(killed.waitFor(60)).isEqualTo(137);
        assertThat(killed.committedFiles()).as("killed in the middle of the ingest").isBetween(1L, files - 1L);

        // The killed run's lease is judged stale after a lease of the restart's own: 10 s here, not a minute.
        Cli.Result restarted = JarProcess.run(dir, "restart", "--lock-lease", "10", repo("large-hdfs"));

        assertThat(restarted.status()).as(restarted.out()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(restarted.out()).contains("restarting run");
        assertThat(uninterrupted.waitFor(300)).as(uninterrupted.output()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(WarehouseComparison.differences(reference, copyTablesBack("/wh-killed", "wh-killed-hdfs")))
                .isEmpty();
    }

    @Test
    void anUnknownSchemeIsOneLineAndExitTwo() throws Exception {
        Cli.Result r = JarProcess.run(dir, "run", "--inbox", "foo://x/inbox", "--warehouse",
                dir.resolve("wh-unused").toString(), repo("errors"));

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.USAGE);
        assertOneLine(r, "force-returns-etl: no file system for the scheme \"foo:\" of foo://x/inbox");
    }

    @Test
    void anUnreachableNameNodeFailsWithinSecondsInOneLine() throws Exception {
        long start = System.nanoTime();
        Cli.Result r = JarProcess.run(dir, "run", "--inbox", "hdfs://127.0.0.1:1/inbox", "--warehouse",
                dir.resolve("wh-unused").toString(), repo("errors"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.FAILED);
        assertOneLine(r, "force-returns-etl: cannot reach hdfs://127.0.0.1:1/inbox: ");
        assertThat(r.out()).contains("Connection refused");
        // Not minutes: the retry settings themselves are timed in StorageTest; here a JVM start is included.
        assertThat(seconds).as("seconds to give up").isLessThan(40);
    }

    @Test
    void aWarehouseTheUserMayNotWriteIsOneLineAndExitTwo() throws Exception {
        org.apache.hadoop.fs.Path locked = new org.apache.hadoop.fs.Path("/locked-warehouse");
        hdfs.mkdirs(locked);
        hdfs.setPermission(locked, new FsPermission((short) 0));

        Cli.Result r = JarProcess.run(dir, Map.of("HADOOP_USER_NAME", "nobody"), "run", "--inbox",
                hdfsUri + "/inbox", "--warehouse", hdfsUri + "/locked-warehouse", "--run-date", RUN_DATE,
                repo("errors"));

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.USAGE);
        assertOneLine(r, "force-returns-etl: no permission to use " + hdfsUri + "/locked-warehouse/_state/lock: "
                + "Permission denied: user=nobody");
    }

    @Test
    void anInboxBehindAFolderTheUserMayNotEnterIsOneLineAndExitTwo() throws Exception {
        hdfs.mkdirs(new org.apache.hadoop.fs.Path("/locked/inbox"));
        hdfs.setPermission(new org.apache.hadoop.fs.Path("/locked"), new FsPermission((short) 0));

        Cli.Result r = JarProcess.run(dir, Map.of("HADOOP_USER_NAME", "nobody"), "run", "--inbox",
                hdfsUri + "/locked/inbox", "--warehouse", hdfsUri + "/wh-nobody", "--run-date", RUN_DATE,
                repo("errors"));

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.USAGE);
        assertOneLine(r, "force-returns-etl: no permission to use " + hdfsUri + "/locked/inbox: "
                + "Permission denied: user=nobody, access=EXECUTE");
    }

    @Test
    void anInboxTheUserMayNotListFailsTheRunInOneLineAndItIsRestartable() throws Exception {
        org.apache.hadoop.fs.Path inbox = new org.apache.hadoop.fs.Path("/unlistable-inbox");
        hdfs.mkdirs(inbox);
        hdfs.setPermission(inbox, new FsPermission((short) 0));
        org.apache.hadoop.fs.Path warehouse = new org.apache.hadoop.fs.Path("/wh-unlistable");
        hdfs.mkdirs(warehouse);
        hdfs.setOwner(warehouse, "nobody", null);

        Cli.Result r = JarProcess.run(dir, Map.of("HADOOP_USER_NAME", "nobody"), "run", "--inbox",
                hdfsUri + "/unlistable-inbox", "--warehouse", hdfsUri + "/wh-unlistable", "--run-date", RUN_DATE,
                repo("unlistable"));

        assertThat(r.status()).as(r.out()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).as(r.out()).doesNotContain("\tat ").doesNotContain("Exception")
                .containsPattern("force-returns-etl: run \\S+ FAILED \\(execution \\d+\\): Permission denied: "
                        + "user=nobody, access=READ_EXECUTE, inode=\"/unlistable-inbox\"[^\n]*\n")
                .contains("restart --execution");
    }

    /** HDFS's plain rename refuses an existing target: a replace there must not delete the old file first. */
    @Test
    void aSmallFileReplacedManyTimesOnHdfsIsNeverMissingForAReader() throws Exception {
        org.forcereturns.storage.Storage storage = new org.forcereturns.storage.Storage(Map.of());
        org.apache.hadoop.fs.Path file = storage.resolve(hdfsUri + "/replaced/published.properties");

        org.forcereturns.testing.Replacements.assertNeverMissing(storage, file, 60);

        assertThat(hdfs.listStatus(file.getParent())).hasSize(1);
    }

    private static void assertOneLine(Cli.Result r, String start) {
        assertThat(r.out().strip()).as(r.out()).startsWith(start).doesNotContain("\n").doesNotContain("\tat ");
    }

    private static String repo(String name) {
        return "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repo-" + name).resolve("batch");
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return MiniHdfs.hadoopPath(local);
    }

    /** Copies every published table of an HDFS warehouse to local disk (without .crc files) for DuckDB. */
    private static Path copyTablesBack(String warehouse, String localName) throws Exception {
        return mini.copyTablesBack(warehouse, dir.resolve(localName));
    }
}
