package org.forcereturns.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live progress of the current run, updated by the steps and read by the progress reporter. */
public final class Progress {

    private final AtomicReference<String> step = new AtomicReference<>("starting");
    private final AtomicLong filesTotal = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();
    private volatile long stepStartedNanos = System.nanoTime();

    public void startStep(String name) {
        step.set(name);
        stepStartedNanos = System.nanoTime();
    }

    public void planned(long files, long bytes) {
        filesTotal.set(files);
        bytesTotal.set(bytes);
        filesDone.set(0);
        bytesDone.set(0);
        rowsDone.set(0);
    }

    public void fileDone(long bytes, long rows) {
        filesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
        rowsDone.addAndGet(rows);
    }

    public Snapshot snapshot() {
        return new Snapshot(step.get(), filesDone.get(), filesTotal.get(), bytesDone.get(), bytesTotal.get(),
                rowsDone.get(), (System.nanoTime() - stepStartedNanos) / 1e9);
    }

    /** One reading: enough for a progress line with a rate and the time left. */
    public record Snapshot(String step, long filesDone, long filesTotal, long bytesDone, long bytesTotal,
                           long rowsDone, double seconds) {

        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : rowsDone / seconds;
        }

        /** Seconds left, from the share of bytes done; -1 when it cannot be told yet. */
        public long secondsLeft() {
            if (bytesDone <= 0 || bytesTotal <= 0 || seconds <= 0) {
                return -1;
            }
            return Math.round(seconds * (bytesTotal - bytesDone) / bytesDone);
        }

        public String line() {
            if (!"ingest".equals(step)) {
                return step + " ...";
            }
            long left = secondsLeft();
            return String.format(java.util.Locale.ROOT, "ingest: %d/%d files, %,d rows, %,.0f rows/s, %s left",
                    filesDone, filesTotal, rowsDone, rowsPerSecond(),
                    left < 0 ? "?" : String.format(java.util.Locale.ROOT, "%d:%02d", left / 60, left % 60));
        }
    }
}
