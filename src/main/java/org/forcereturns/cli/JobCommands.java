package org.forcereturns.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.job.ForceReturnsJobConfiguration;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.job.RunSettings;
import org.forcereturns.logging.Printable;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.report.ReportData;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

/**
 * The job commands inside the started application: run and rebuild (new runs), restart, status. Hands the job its
 * {@link RunSettings}, holds the warehouse's lease around a run, and maps how the run ended to the exit status.
 */
final class JobCommands {

    private static final Duration STOP_GRACE = Duration.ofMinutes(2);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobCommands.class);

    private final ForceReturnsSettings settings;
    private final ForceReturnsCli cli;
    private final PrintStream out;
    private final PrintStream err;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final PipelineFactory pipelines;
    private final RunMetrics metrics;
    private final Progress progress;
    private final Storage storage;

    JobCommands(ApplicationContext context, ForceReturnsSettings settings, ForceReturnsCli cli) {
        this.settings = settings;
        this.cli = cli;
        this.out = cli.out;
        this.err = cli.err;
        this.operator = context.getBean(JobOperator.class);
        this.repository = context.getBean(JobRepository.class);
        this.job = context.getBean(ForceReturnsJobConfiguration.JOB_NAME, Job.class);
        this.pipelines = context.getBean(PipelineFactory.class);
        this.metrics = context.getBean(RunMetrics.class);
        this.progress = context.getBean(Progress.class);
        this.storage = pipelines.storage();
    }

    /** {@code run}, or {@code rebuild} from the raw archive. */
    int run(boolean rebuild) throws Exception {
        RunSettings run = newRun(rebuild);
        return reported(run.runId(), () -> {
            org.apache.hadoop.fs.Path warehouse = storage.resolve(run.warehouse());
            return underLock(warehouse, run.runId(), "not started", () -> {
                recoverAbandoned(run.warehouse());
                JobExecution execution = stoppable(run.runId(), () -> operator.start(job, run.toJobParameters()));
                return finish(execution, warehouse);
            });
        });
    }

    /** The settings handed to the job for a new run, checked before anything starts. */
    private RunSettings newRun(boolean rebuild) {
        if (settings.getWarehouse() == null) {
            throw new UsageException("missing --warehouse URI (or warehouse: in the job file)");
        }
        String inbox = null;
        if (!rebuild) {
            if (settings.getInbox() == null) {
                throw new UsageException("missing --inbox URI (or inbox: in the job file)");
            }
            org.apache.hadoop.fs.Path resolved = storage.resolve(settings.getInbox());
            if (!storage.exists(resolved)) {
                throw new UsageException("the inbox " + resolved + " does not exist or cannot be read");
            }
            inbox = resolved.toString();
        }
        List<String> scope = settings.offenceScope().codes().stream().map(Object::toString).sorted().toList();
        return new RunSettings(newRunId(), rebuild ? RunSettings.REBUILD : RunSettings.RUN, inbox,
                storage.resolve(settings.getWarehouse()).toString(),
                settings.getRunDate() == null ? LocalDate.now() : settings.getRunDate(), scope,
                settings.getRejectThreshold(), settings.getPublish().getMinCellSize());
    }

    int restart(Long executionId) throws Exception {
        JobExecution failed = executionId != null ? repository.getJobExecution(executionId) : lastRestartable();
        if (failed == null) {
            err.println(ForceReturnsCli.NAME + ": there is no failed run to restart");
            return ExitStatus.USAGE;
        }
        RunSettings run = RunSettings.from(failed.getJobParameters());
        org.apache.hadoop.fs.Path warehouse = storage.resolve(run.warehouse());
        return reported(run.runId(), () -> underLock(warehouse, run.runId(), "not restarted", () -> {
            JobExecution toRestart = failed;
            if (toRestart.getStatus() == BatchStatus.COMPLETED) {
                err.println(ForceReturnsCli.NAME + ": run " + run.runId() + " (execution " + toRestart.getId()
                        + ") completed; nothing to restart");
                return ExitStatus.USAGE;
            }
            if (toRestart.getStatus().isRunning()) {
                // We hold the warehouse lock, so the process that left it running is gone.
                toRestart = operator.recover(toRestart);
            }
            out.println("restarting run " + run.runId() + " (execution " + toRestart.getId() + ")");
            JobExecution recovered = toRestart;
            return finish(stoppable(run.runId(), () -> operator.restart(recovered)), warehouse);
        }));
    }

    /**
     * Runs a job command with its progress shown, then records its metrics and logs the line a scheduler alerts on.
     * Every log line of the run, on any thread of ours, carries its run id.
     */
    private int reported(String runId, Callable<Integer> command) throws Exception {
        long started = System.nanoTime();
        Duration interval = settings.getProgressInterval();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("run", runId);
             ProgressReporter reporter = interval == null ? ProgressReporter.start(progress, err, runId)
                     : new ProgressReporter(progress, err, false, interval.toMillis(), runId)) {
            lastOutcome = null;
            int status = command.call();
            RunOutcome outcome = lastOutcome;
            if (outcome != null) {
                metrics.runFinished(outcome.status(), status, (System.nanoTime() - started) / 1e9,
                        outcome.quarantined(), outcome.unmapped(), outcome.newUnmapped());
                metrics.writeTextfile(Path.of(settings.getMetricsTextfile()));
                log.info(outcome.summary(status));
            }
            return status;
        }
    }

    private RunOutcome lastOutcome;

    /**
     * Runs the job so that SIGTERM stops it gracefully: the files in progress finish, the run is marked STOPPED
     * (restartable), and the process exits once everything is released.
     */
    private JobExecution stoppable(String runId, Callable<JobExecution> work) throws Exception {
        Thread hook = new Thread(() -> {
            err.println(ForceReturnsCli.NAME + ": stop requested; finishing the files in progress (restart to continue)");
            for (JobExecution e : repository.findRunningJobExecutions(ForceReturnsJobConfiguration.JOB_NAME)) {
                if (runId.equals(e.getJobParameters().getString("run.id"))) {
                    try {
                        operator.stop(e);
                    } catch (Exception ignored) {
                        // already ending
                    }
                }
            }
            try {
                cli.finished.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for us
            }
        }
    }

    /**
     * One run at a time per warehouse: the work runs holding its lease, or not at all (exit status 4). The publish
     * step checks the lease (its fence) before it changes the tables.
     */
    private int underLock(org.apache.hadoop.fs.Path warehouse, String runId, String notDone, Callable<Integer> work)
            throws Exception {
        Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(storage, warehouse, runId, settings.getLockLease());
        if (lock.isEmpty()) {
            err.println(ForceReturnsCli.NAME + ": the warehouse " + Printable.escape(warehouse.toString())
                    + " is in use by " + Printable.escape(WarehouseLock.holder(storage, warehouse)) + "; " + notDone);
            return ExitStatus.BUSY;
        }
        try (WarehouseLock held = lock.get()) {
            pipelines.guard(warehouse, held);
            try {
                return work.call();
            } finally {
                pipelines.guard(warehouse, null);
            }
        }
    }

    /**
     * We hold the warehouse lock, so any run of this warehouse still marked as running belongs to a process
     * that is gone: mark it failed rather than leave it blocking status and restarts forever.
     */
    private void recoverAbandoned(String warehouse) {
        for (JobExecution e : repository.findRunningJobExecutions(ForceReturnsJobConfiguration.JOB_NAME)) {
            if (warehouse.equals(e.getJobParameters().getString("warehouse"))) {
                operator.recover(e);
                out.println("run " + e.getJobParameters().getString("run.id") + " (execution " + e.getId()
                        + ") was left running by a process that is gone; marked FAILED");
            }
        }
    }

    private JobExecution lastRestartable() {
        JobExecution latest = null;
        for (JobInstance instance : repository.getJobInstances(ForceReturnsJobConfiguration.JOB_NAME, 0, 20)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && (latest == null || last.getId() > latest.getId())) {
                latest = last;
            }
        }
        return latest == null || latest.getStatus() == BatchStatus.COMPLETED
                || latest.getStatus() == BatchStatus.ABANDONED ? null : latest;
    }

    private int finish(JobExecution execution, org.apache.hadoop.fs.Path warehouse) throws IOException {
        lastOutcome = RunOutcome.of(execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<Fence.Fenced> fenced = execution.getAllFailureExceptions().stream()
                    .map(JobCommands::fenced).flatMap(Optional::stream).findFirst();
            if (fenced.isPresent()) {
                // Not restartable advice: the run that took over has published (or will); the next run goes on.
                err.println(ForceReturnsCli.NAME + ": run " + execution.getJobParameters().getString("run.id") + ": "
                        + fenced.get().getMessage());
                return ExitStatus.FAILED;
            }
            String why = execution.getAllFailureExceptions().stream().findFirst().map(Failures::oneLine)
                    .orElse(execution.getExitStatus().getExitDescription());
            err.println(ForceReturnsCli.NAME + ": run " + execution.getJobParameters().getString("run.id") + " "
                    + execution.getStatus() + " (execution " + execution.getId() + "): " + why);
            err.println(ForceReturnsCli.NAME + ": fix the cause, then: restart --execution " + execution.getId());
            return ExitStatus.FAILED;
        }
        new Headlines(warehouse, ReportData.read(storage, warehouse)).print(out);
        if (lastOutcome.quarantined() > 0) {
            out.println("\n" + lastOutcome.quarantined()
                    + " file(s) quarantined by this run: see the quarantine and file_inventory tables");
            return ExitStatus.QUARANTINED;
        }
        return ExitStatus.SUCCESS;
    }

    int status(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(ForceReturnsJobConfiguration.JOB_NAME, 0, limit)) {
            executions.addAll(repository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        out.printf("%-9s %-24s %-8s %-10s %-19s %9s %6s %9s %9s %9s %s%n", "execution", "run", "mode", "status",
                "started", "duration", "files", "rows", "rejected", "skipped", "exit status");
        for (JobExecution e : executions.subList(0, Math.min(limit, executions.size()))) {
            var deliveries = e.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("ingestDelivery"))
                    .toList();
            LocalDateTime start = e.getStartTime();
            LocalDateTime end = e.getEndTime();
            String duration = start == null ? "-" : end == null ? "running"
                    : Duration.between(start, end).toMillis() / 1000.0 + "s";
            out.printf("%-9d %-24s %-8s %-10s %-19s %9s %6d %9d %9d %9d %s%n", e.getId(),
                    e.getJobParameters().getString("run.id"), e.getJobParameters().getString("mode"), e.getStatus(),
                    start == null ? "-" : start.withNano(0).toString(), duration, deliveries.size(),
                    deliveries.stream().mapToLong(s -> s.getReadCount()).sum(),
                    deliveries.stream().mapToLong(s -> s.getProcessSkipCount()).sum(),
                    deliveries.stream().mapToLong(s -> s.getFilterCount()).sum(), RunOutcome.of(e).exitStatus());
        }
        return ExitStatus.SUCCESS;
    }

    private static String newRunId() {
        return "r" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(LocalDateTime.now(ZoneOffset.UTC))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static Optional<Fence.Fenced> fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Fence.Fenced f) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
