package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.RemoteRun;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager and two worker processes on PostgreSQL and RabbitMQ, with the inbox and the warehouse on a real HDFS
 * (a MiniDFSCluster in this JVM), as a cluster would run them: the tables equal a local run's on local disk.
 */
class RemoteHdfsIT {

    private static final String RUN_DATE = "2026-11-29";

    @TempDir
    static Path dir;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String hdfsUri;

    @BeforeAll
    static void startHdfs() throws Exception {
        cluster = new MiniDFSCluster.Builder(new Configuration(), dir.resolve("minidfs").toFile())
                .numDataNodes(1).nameNodePort(0).format(true).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        hdfsUri = "hdfs://localhost:" + cluster.getNameNodePort();
        hdfs.copyFromLocalFile(false, true, hadoopPath(Path.of("src/sample/inbox")),
                new org.apache.hadoop.fs.Path("/inbox"));
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Test
    void twoWorkersOnHdfsPublishWhatALocalRunPublishesOnLocalDisk() throws Exception {
        JarProcess local = JarProcess.start(dir, dir.resolve("local.log"), "run", "--inbox",
                Path.of("src/sample/inbox").toAbsolutePath().toString(), "--warehouse",
                dir.resolve("wh-local").toString(), "--run-date", RUN_DATE,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/local"));
        RemoteRun remote = RemoteRun.fresh(dir);
        JarProcess a = remote.worker("worker-a");
        JarProcess b = remote.worker("worker-b");
        try {
            Cli.Result run = JarProcess.run(dir, remote.args("run", "--partitioning", "remote", "--inbox",
                    hdfsUri + "/inbox", "--warehouse", hdfsUri + "/warehouse", "--run-date", RUN_DATE,
                    "--worker-timeout", "120s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(a.committedFiles()).as(a.output()).isPositive();
            assertThat(b.committedFiles()).as(b.output()).isPositive();
            assertThat(local.waitFor(300)).as(local.output()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(WarehouseComparison.differences(dir.resolve("wh-local"), copyTablesBack())).isEmpty();
        } finally {
            a.destroy();
            b.destroy();
            remote.close();
        }
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri());
    }

    private static Path copyTablesBack() throws Exception {
        Path local = Files.createDirectories(dir.resolve("wh-hdfs-copy"));
        for (String table : WarehouseComparison.TABLES) {
            hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path("/warehouse", table),
                    hadoopPath(local.resolve(table)), true);
        }
        return local;
    }
}
