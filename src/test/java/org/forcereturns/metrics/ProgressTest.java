package org.forcereturns.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsFilesRowsRateAndTimeLeftFromTheShareOfBytesDone() {
        Progress.Snapshot s = new Progress.Snapshot("ingest", 3, 12, 250, 1000, 60_000, 30.0);

        assertThat(s.rowsPerSecond()).isEqualTo(2000.0);
        assertThat(s.secondsLeft()).isEqualTo(90);
        assertThat(s.line()).isEqualTo("ingest: 3/12 files, 60,000 rows, 2,000 rows/s, 1:30 left");
    }

    @Test
    void timeLeftIsUnknownBeforeAnyFileIsDone() {
        assertThat(new Progress.Snapshot("ingest", 0, 12, 0, 1000, 0, 2.0).line())
                .isEqualTo("ingest: 0/12 files, 0 rows, 0 rows/s, ? left");
    }

    @Test
    void countersAddUpAsFilesFinish() {
        Progress p = new Progress();
        p.startStep("ingest");
        p.planned(2, 300);
        p.fileDone(100, 10);
        p.fileDone(200, 25);

        Progress.Snapshot s = p.snapshot();
        assertThat(s.filesDone()).isEqualTo(2);
        assertThat(s.rowsDone()).isEqualTo(35);
        assertThat(s.bytesDone()).isEqualTo(300);
        assertThat(s.secondsLeft()).isZero();
    }
}
