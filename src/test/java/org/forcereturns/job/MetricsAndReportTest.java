package org.forcereturns.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.InboxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators and people who do not write SQL get from every run: a Prometheus textfile and a report. */
class MetricsAndReportTest {

    @TempDir
    Path dir;

    @Test
    void everyRunWritesAPrometheusTextfileAndAReport() throws Exception {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-05-01_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform",
                "Kent,K1,2023-04-03,86/2,Snapchat", "Kent,K2,2023-04-04,86/2,Pigeon post", "Kent,K3,2023-04-05,86/11,",
                "Kent,K4,yesterday,86/2,", "Kent,K5,2023-04-06,86/10,Insta", "Kent,K6,2023-04-07,86/10,");
        Files.write(inbox.root().resolve("2024-05-02_empty.csv"), new byte[0]);
        Path metrics = dir.resolve("metrics/force_returns_etl.prom");
        Path wh = dir.resolve("wh");

        Cli.Result run = new Cli(dir).run("run", "--inbox", inbox.root().toString(), "--warehouse", wh.toString(),
                "--run-date", "2024-12-31", "--reject-threshold", "0.5", "--metrics-textfile", metrics.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.QUARANTINED);
        String prom = Files.readString(metrics);
        assertThat(prom)
                .contains("force_returns_rows_read_total 6.0")
                .contains("force_returns_rows_accepted_total 4.0")
                .contains("force_returns_rows_rejected_total{reason=\"BAD_DATE\"} 1.0")
                .contains("force_returns_rows_skipped_total{reason=\"out_of_scope_offence\"} 1.0")
                .contains("force_returns_files_total{status=\"QUARANTINED\"} 1.0")
                .contains("force_returns_files_total{status=\"LOADED\"} 1.0")
                .contains("force_returns_files_quarantined 1.0")
                .contains("force_returns_unmapped_platform_values_new 1.0")
                .contains("force_returns_run_exit_status 3.0")
                .contains("force_returns_run_failed 0.0")
                // Spring Batch's own timers, through the observation registry.
                .contains("spring_batch_job_seconds_count")
                .contains("spring_batch_step_seconds_count");

        String report = Files.readString(wh.resolve("report.html"));
        assertThat(report).contains("<svg").contains("Pigeon post").doesNotContain("<script");

        Cli.Result text = new Cli(dir).run("report", "--warehouse", wh.toString(), "--format", "text");
        assertThat(text.status()).as(text.toString()).isZero();
        assertThat(text.out()).contains("2023/24").contains("Pigeon post").contains("UNREADABLE");
    }
}
