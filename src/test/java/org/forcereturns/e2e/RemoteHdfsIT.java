package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.MiniHdfs;
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
    static MiniHdfs hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        hdfs = MiniHdfs.start(dir);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    void twoWorkersOnHdfsPublishWhatALocalRunPublishesOnLocalDisk() throws Exception {
        JarProcess local = RemoteRun.localSampleRun(dir, dir.resolve("wh-local"), RUN_DATE);
        RemoteRun remote = RemoteRun.fresh(dir);
        JarProcess a = remote.worker("worker-a");
        JarProcess b = remote.worker("worker-b");
        try {
            Cli.Result run = JarProcess.run(dir, remote.args("run", "--partitioning", "remote", "--inbox",
                    hdfs.uri + "/inbox", "--warehouse", hdfs.uri + "/warehouse", "--run-date", RUN_DATE,
                    "--worker-timeout", "120s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(a.committedFiles()).as(a.output()).isPositive();
            assertThat(b.committedFiles()).as(b.output()).isPositive();
            assertThat(local.waitFor(300)).as(local.output()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(WarehouseComparison.differences(dir.resolve("wh-local"), hdfs.copyTablesBack("/warehouse", dir.resolve("wh-hdfs-copy")))).isEmpty();
        } finally {
            a.destroy();
            b.destroy();
            remote.close();
        }
    }
}
