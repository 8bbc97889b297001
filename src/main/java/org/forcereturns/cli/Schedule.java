package org.forcereturns.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.forcereturns.metrics.RunMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * The {@code schedule} mode: one process that stays up and runs the job at every tick of a cron expression.
 * Runs never overlap: a tick that comes while a run is still going is skipped (and said so).
 */
final class Schedule {

    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    private final CronExpression cron;
    private final String expression;
    private final int metricsPort;
    private final long maxRuns;

    private Schedule(CronExpression cron, String expression, int metricsPort, long maxRuns) {
        this.cron = cron;
        this.expression = expression;
        this.metricsPort = metricsPort;
        this.maxRuns = maxRuns;
    }

    static Schedule of(CommandLine cl) {
        String expression = cl.option("cron");
        if (expression == null) {
            throw new UsageException("schedule needs --cron, e.g. --cron \"0 30 2 * * *\" for 02:30 every day");
        }
        CronExpression cron;
        try {
            cron = CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cron '" + expression + "' is not a cron expression (six fields: second "
                    + "minute hour day month weekday): " + e.getMessage());
        }
        int port = number(cl.option("metrics-port"), 9404, "--metrics-port");
        long maxRuns = number(cl.option("max-runs"), 0, "--max-runs");
        return new Schedule(cron, expression, port, maxRuns);
    }

    /** Runs until stopped (or for --max-runs runs); returns the exit status of the last run. */
    int runForever(Callable<Integer> run, RunMetrics metrics, PrintStream out) throws Exception {
        HttpServer server = metricsPort > 0 ? serve(metrics) : null;
        int last = ExitStatus.SUCCESS;
        try {
            for (long runs = 0; maxRuns == 0 || runs < maxRuns; runs++) {
                LocalDateTime next = cron.next(LocalDateTime.now());
                if (next == null) {
                    log.info("schedule '{}' has no further ticks; stopping", expression);
                    break;
                }
                log.info("schedule '{}': next run at {}", expression, next);
                Duration wait = Duration.between(LocalDateTime.now(), next);
                if (!wait.isNegative()) {
                    Thread.sleep(wait.toMillis());
                }
                last = run.call();
                int skipped = 0;
                LocalDateTime now = LocalDateTime.now();
                for (LocalDateTime t = cron.next(next); t != null && t.isBefore(now); t = cron.next(t)) {
                    skipped++;
                }
                if (skipped > 0) {
                    log.warn("schedule '{}': skipped {} tick(s) while the run was still going", expression, skipped);
                }
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
        return last;
    }

    private HttpServer serve(RunMetrics metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(metricsPort), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        log.info("metrics for Prometheus at http://{}:{}/metrics", server.getAddress().getHostString(),
                server.getAddress().getPort());
        return server;
    }

    private static int number(String text, int fallback, String option) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + text + "'");
        }
    }
}
