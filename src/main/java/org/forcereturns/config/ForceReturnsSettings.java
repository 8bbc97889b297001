package org.forcereturns.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.normalise.OffenceScope;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Every setting of the job, {@code force-returns.*}: from the job file, overridden by command-line options (see
 * {@code cli/SettingOption}). The defaults here are the only ones. The type checks itself: Spring Boot calls
 * {@link #validate} when it binds, and a rejected value stops the command with exit status 2.
 */
@ConfigurationProperties("force-returns")
public class ForceReturnsSettings implements Validator {

    /** Folder of force returns: a local path or a file:, hdfs: or s3a: URI. */
    private String inbox;
    /** Where the tables, raw archive and state live. */
    private String warehouse;
    /** Later dates are out of range; null: the day the run starts. */
    private LocalDate runDate;
    /** Offence codes counted; null: the {@code in_scope} codes of offence-codes.csv (the reference folder's, else bundled). */
    private List<String> scope;
    /** A file whose rejected share of rows is above this is quarantined. */
    private double rejectThreshold = 0.10;
    /** Deliveries ingested in parallel. */
    private int threads = 2;
    /** Rows of a delivery written per chunk (transaction), as the JobRepository counts commits. */
    private int commitInterval = 5000;
    /** A folder of reference files replacing the bundled ones of the same name; null: bundled only. */
    private String reference;
    /** A run that died is taken over this long after its last heartbeat. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockLease = Duration.ofSeconds(60);
    /** Prometheus textfile written at the end of every run. */
    private String metricsTextfile = "var/metrics/force_returns_etl.prom";
    private LogFormat logFormat = LogFormat.TEXT;
    /** A progress log line this often; null: a live line on a terminal, else a log line every 10 seconds. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration progressInterval;
    /** Hadoop {@code fs.*} (core-site style) settings for hdfs: and s3a: locations. */
    private Map<String, String> hadoop = new LinkedHashMap<>();
    /** Where the ingest step's partitions run: in this process, or on worker processes over RabbitMQ. */
    private Partitioning partitioning = Partitioning.LOCAL;
    /** With remote partitioning: the partitions no worker has finished this long after they were sent fail the run. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration workerTimeout = Duration.ofMinutes(5);
    /** With remote partitioning: the RabbitMQ queue of partition requests; one per JobRepository. */
    private String partitionQueue = "force-returns.partitions";
    private final Publish publish = new Publish();

    /** How log lines are written: plain text, or one JSON object per line (Spring Boot's structured logging). */
    public enum LogFormat { TEXT, JSON }

    /** Local: threads of this process; remote: worker processes (the worker command), see docs/scale-out.md. */
    public enum Partitioning { LOCAL, REMOTE }

    public static class Publish {

        /** Force-level counts from 1 to this minus 1 are published as null, flagged suppressed; 0: off. */
        private long minCellSize = 0;

        public long getMinCellSize() {
            return minCellSize;
        }

        public void setMinCellSize(long minCellSize) {
            this.minCellSize = minCellSize;
        }
    }

    /** The scope given, else the in-scope codes of the reference folder's offence-codes.csv, else the bundled ones. */
    public OffenceScope offenceScope() {
        if (scope != null) {
            return OffenceScope.of(scope);
        }
        Path own = reference == null ? null : Path.of(reference, "offence-codes.csv");
        if (own == null || !Files.isRegularFile(own)) {
            return OffenceScope.defaultScope();
        }
        try (Reader in = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
            return OffenceScope.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + own + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return ForceReturnsSettings.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ForceReturnsSettings s = (ForceReturnsSettings) target;
        if (s.threads < 1) {
            errors.rejectValue("threads", "min", "must be at least 1, not " + s.threads);
        }
        if (!(s.rejectThreshold >= 0 && s.rejectThreshold <= 1)) {
            errors.rejectValue("rejectThreshold", "range", "must be between 0 and 1, not " + s.rejectThreshold);
        }
        if (s.commitInterval < 1) {
            errors.rejectValue("commitInterval", "min", "must be at least 1, not " + s.commitInterval);
        }
        if (s.publish.minCellSize < 0) {
            errors.rejectValue("publish.minCellSize", "min", "cannot be negative");
        }
        if (s.lockLease.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.rejectValue("lockLease", "min", "must be at least 1 second");
        }
        if (s.workerTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.rejectValue("workerTimeout", "min", "must be at least 1 second");
        }
        if (s.partitionQueue == null || s.partitionQueue.isBlank()) {
            errors.rejectValue("partitionQueue", "missing", "cannot be empty");
        }
        if (s.progressInterval != null && s.progressInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.rejectValue("progressInterval", "min", "must be at least 1 second");
        }
        if (s.reference != null && !Files.isDirectory(Path.of(s.reference))) {
            errors.rejectValue("reference", "missing", "the reference folder " + s.reference + " does not exist");
        }
        try {
            s.offenceScope();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            errors.rejectValue(s.scope == null ? "reference" : "scope", "code", "bad offence-code scope: " + e.getMessage());
        }
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public LocalDate getRunDate() {
        return runDate;
    }

    public void setRunDate(LocalDate runDate) {
        this.runDate = runDate;
    }

    public List<String> getScope() {
        return scope;
    }

    public void setScope(List<String> scope) {
        this.scope = scope;
    }

    public double getRejectThreshold() {
        return rejectThreshold;
    }

    public void setRejectThreshold(double rejectThreshold) {
        this.rejectThreshold = rejectThreshold;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public int getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(int commitInterval) {
        this.commitInterval = commitInterval;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public Duration getLockLease() {
        return lockLease;
    }

    public void setLockLease(Duration lockLease) {
        this.lockLease = lockLease;
    }

    public String getMetricsTextfile() {
        return metricsTextfile;
    }

    public void setMetricsTextfile(String metricsTextfile) {
        this.metricsTextfile = metricsTextfile;
    }

    public LogFormat getLogFormat() {
        return logFormat;
    }

    public void setLogFormat(LogFormat logFormat) {
        this.logFormat = logFormat;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public Map<String, String> getHadoop() {
        return hadoop;
    }

    public void setHadoop(Map<String, String> hadoop) {
        this.hadoop = hadoop;
    }

    public Partitioning getPartitioning() {
        return partitioning;
    }

    public void setPartitioning(Partitioning partitioning) {
        this.partitioning = partitioning;
    }

    public Duration getWorkerTimeout() {
        return workerTimeout;
    }

    public void setWorkerTimeout(Duration workerTimeout) {
        this.workerTimeout = workerTimeout;
    }

    public String getPartitionQueue() {
        return partitionQueue;
    }

    public void setPartitionQueue(String partitionQueue) {
        this.partitionQueue = partitionQueue;
    }

    public Publish getPublish() {
        return publish;
    }
}
