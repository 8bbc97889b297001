package org.forcereturns.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;

/**
 * The pipeline's metrics for Prometheus, beside Spring Batch's own job and step timers (recorded through the
 * observation registry handed to the job): rows read, accepted, rejected by reason and skipped by reason; files by
 * status; unmapped platform values; the last run's duration, end time and exit status.
 */
public final class RunMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public RunMetrics() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
        for (RejectReason reason : RejectReason.values()) {
            if (!reason.isFileLevel()) {
                rejected(reason);
            }
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped(reason);
        }
        for (String status : new String[] {"LOADED", "QUARANTINED", "DUPLICATE"}) {
            files(status);
        }
    }

    /** Spring Batch records its job and step timers here. */
    public ObservationRegistry observations() {
        return observations;
    }

    public void fileIngested(FileOutcome o) {
        counter("force_returns.rows.read", "Data rows read from force returns").increment(o.rowsRead());
        counter("force_returns.rows.accepted", "Rows accepted").increment(o.rowsAccepted());
        o.rejectsByReason().forEach((reason, n) -> rejected(reason).increment(n));
        o.skipsByReason().forEach((reason, n) -> skipped(reason).increment(n));
        files(o.status().name()).increment();
    }

    public void duplicateDelivered() {
        files("DUPLICATE").increment();
    }

    /** At the end of a run: what a scheduler's alerts key on. */
    public void runFinished(String status, int exitStatus, double seconds, long quarantinedFiles, long unmappedValues,
                            long newUnmappedValues) {
        gauge("force_returns.run.duration.seconds", "Duration of the last run", (long) Math.ceil(seconds));
        gauge("force_returns.run.exit.status", "Exit status of the last run (0 ok, 1 failed, 3 quarantined)",
                exitStatus);
        gauge("force_returns.run.end.timestamp.seconds", "When the last run ended (Unix time)",
                System.currentTimeMillis() / 1000);
        gauge("force_returns.run.failed", "1 if the last run did not complete", "COMPLETED".equals(status) ? 0 : 1);
        gauge("force_returns.files.quarantined", "Files quarantined by the last run", quarantinedFiles);
        gauge("force_returns.unmapped.platform.values", "Distinct platform texts that match no platform",
                unmappedValues);
        gauge("force_returns.unmapped.platform.values.new", "Unmapped platform texts first delivered in the last run",
                newUnmappedValues);
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Writes the textfile for node_exporter's textfile collector: written aside, then renamed into place. */
    public void writeTextfile(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, scrape(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(registry);
    }

    private Counter rejected(RejectReason reason) {
        return Counter.builder("force_returns.rows.rejected").description("Rows rejected, by reason")
                .tag("reason", reason.name()).register(registry);
    }

    private Counter skipped(SkipReason reason) {
        return Counter.builder("force_returns.rows.skipped").description("Rows skipped as out of scope, by reason")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter files(String status) {
        return Counter.builder("force_returns.files").description("Delivered files, by status")
                .tag("status", status).register(registry);
    }

    private void gauge(String name, String help, long value) {
        gauges.computeIfAbsent(name, n -> {
            AtomicLong holder = new AtomicLong();
            io.micrometer.core.instrument.Gauge.builder(n, holder, AtomicLong::doubleValue).description(help)
                    .register(registry);
            return holder;
        }).set(value);
    }
}
