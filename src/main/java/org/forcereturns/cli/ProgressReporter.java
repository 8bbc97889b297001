package org.forcereturns.cli;

import java.io.PrintStream;
import org.forcereturns.metrics.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: a live line rewritten in place when standard error is a terminal, otherwise a log
 * line every few seconds (no control characters, for log files and schedulers).
 */
final class ProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final Thread thread;
    private volatile boolean running = true;

    ProgressReporter(Progress progress, PrintStream terminal, boolean interactive, long intervalMillis, String runId) {
        this.thread = new Thread(() -> {
            org.slf4j.MDC.put("run", runId);
            String last = "";
            while (running) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                String line = progress.snapshot().line();
                if (interactive) {
                    terminal.print("\r" + line + "\033[K");
                    terminal.flush();
                } else if (!line.equals(last)) {
                    log.info("progress: {}", line);
                }
                last = line;
            }
            if (interactive) {
                terminal.print("\r\033[K");
                terminal.flush();
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** A live line every second on a terminal, else a log line every 10 seconds. */
    static ProgressReporter start(Progress progress, PrintStream err, String runId) {
        boolean interactive = System.console() != null;
        return new ProgressReporter(progress, err, interactive, interactive ? 1_000 : 10_000, runId);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
