package org.forcereturns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.JarProcess;
import org.forcereturns.testing.PublishedFigures;
import org.forcereturns.testing.RemoteRun;
import org.forcereturns.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager and two worker processes on PostgreSQL and RabbitMQ, with the inbox and the warehouse on S3 (S3Mock, a
 * child process on 127.0.0.1), each process set up only by the job file's {@code hadoop:} map and the AWS
 * credential variables: the tables equal a local run's on local disk.
 */
class RemoteS3IT {

    private static final String RUN_DATE = "2026-11-29";

    @TempDir
    static Path dir;
    static S3Mock s3;
    static Path job;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Mock.startWithSample(dir);
        job = S3Mock.jobFile(dir.resolve("s3.yml"), s3.hadoopSettings());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void twoWorkersOnS3PublishWhatALocalRunPublishesOnLocalDisk() throws Exception {
        JarProcess local = RemoteRun.localSampleRun(dir, dir.resolve("wh-local"), RUN_DATE);
        RemoteRun remote = RemoteRun.fresh(dir);
        JarProcess a = remote.worker("worker-a", S3Mock.credentials(), "--job", job.toString());
        JarProcess b = remote.worker("worker-b", S3Mock.credentials(), "--job", job.toString());
        try {
            Cli.Result run = JarProcess.run(dir, S3Mock.credentials(), remote.args("run", "--partitioning", "remote",
                    "--job", job.toString(), "--inbox", S3Mock.SAMPLE_INBOX, "--warehouse", "s3a://warehouse/remote",
                    "--run-date", RUN_DATE, "--worker-timeout", "120s"));

            assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.QUARANTINED);
            assertThat(a.committedFiles()).as(a.output()).isPositive();
            assertThat(b.committedFiles()).as(b.output()).isPositive();
            assertThat(local.waitFor(300)).as(local.output()).isEqualTo(ExitStatus.QUARANTINED);
            Path copied = s3.copyTablesBack("s3a://warehouse/remote", dir.resolve("wh-s3-copy"));
            PublishedFigures.assertNationalFigures(copied);
            assertThat(WarehouseComparison.differences(dir.resolve("wh-local"), copied)).isEmpty();
        } finally {
            a.destroy();
            b.destroy();
            remote.close();
        }
    }
}
