package org.forcereturns.cli;

import org.forcereturns.logging.Printable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.job.ForceReturnsJobConfiguration;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.job.RunSettings;
import org.forcereturns.normalise.OffenceScope;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.report.HtmlReport;
import org.forcereturns.report.ReportData;
import org.forcereturns.report.TextReport;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line: parses, checks settings before anything starts, runs the job, maps the exit status. */
public final class ForceReturnsCli {

    static final List<String> DEFAULT_SCOPE = List.of("86/2", "86/10", "86/15");
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);
    static final String DEFAULT_METRICS_TEXTFILE = "var/metrics/force_returns_etl.prom";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ForceReturnsCli.class);

    private final PrintStream out;
    private final PrintStream err;
    /** Counted down when the command has finished and released everything, so a SIGTERM hook can wait for it. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private RunOutcome lastOutcome;

    public ForceReturnsCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        try {
            CommandLine cl = CommandLine.parse(args);
            return switch (cl.command()) {
                case "help" -> {
                    out.print(Usage.TEXT);
                    yield ExitStatus.SUCCESS;
                }
                case "report" -> report(cl);
                default -> withSpring(cl);
            };
        } catch (UsageException e) {
            err.println("force-returns-etl: " + Printable.escape(e.getMessage()));
            return ExitStatus.USAGE;
        } catch (org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            // A run the job refuses before it starts (a warehouse this JobRepository did not publish): configuration.
            err.println("force-returns-etl: " + Printable.escape(e.getMessage()));
            return ExitStatus.USAGE;
        } catch (StartupException e) {
            err.println("force-returns-etl: failed: " + Printable.escape(e.getMessage()));
            return ExitStatus.FAILED;
        } catch (org.forcereturns.storage.StorageException e) {
            // A location that cannot be used (unknown scheme, no permission, NameNode down): its own one line.
            err.println("force-returns-etl: " + Printable.escape(e.getMessage()));
            return e.configuration() ? ExitStatus.USAGE : ExitStatus.FAILED;
        } catch (Exception e) {
            err.println("force-returns-etl: failed: " + oneLine(e));
            return ExitStatus.FAILED;
        } finally {
            finished.countDown();
        }
    }

    private int report(CommandLine cl) throws IOException {
        JobFile jobFile = cl.option("job") == null ? JobFile.empty() : JobFile.load(Path.of(cl.option("job")));
        String warehouse = require(firstNonNull(cl.option("warehouse"), jobFile.warehouse()),
                "--warehouse URI (or warehouse: in the job file)");
        Storage storage = new Storage(jobFile.hadoop());
        org.apache.hadoop.fs.Path root = storage.resolve(warehouse);
        if (!storage.exists(root)) {
            throw new UsageException("the warehouse " + root + " does not exist");
        }
        ReportData data = ReportData.read(storage, root);
        String format = cl.option("format") == null ? "html" : cl.option("format");
        switch (format) {
            case "text" -> out.print(TextReport.render(data));
            case "html" -> {
                HtmlReport.write(storage, root, data);
                out.println("report written to " + new org.apache.hadoop.fs.Path(root, HtmlReport.FILE_NAME));
            }
            default -> throw new UsageException("--format must be html or text, not '" + format + "'");
        }
        return ExitStatus.SUCCESS;
    }

    private int withSpring(CommandLine cl) throws Exception {
        JobFile jobFile = cl.option("job") == null ? JobFile.empty() : JobFile.load(Path.of(cl.option("job")));
        String warehouse = firstNonNull(cl.option("warehouse"), jobFile.warehouse());
        String inbox = firstNonNull(cl.option("inbox"), jobFile.inbox());
        Map<String, String> hadoop = jobFile.hadoop();
        Storage storage = new Storage(hadoop);
        int threads = cl.option("threads") != null ? (int) parseLong(cl.option("threads"), "--threads")
                : jobFile.threads() != null ? jobFile.threads() : 2;
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        Supplier<RunSettings> nextRun = null;
        if (!cl.command().equals("status") && !cl.command().equals("restart")) {
            require(warehouse, "--warehouse URI (or warehouse: in the job file)");
            boolean rebuild = cl.command().equals("rebuild");
            if (!rebuild) {
                require(inbox, "--inbox URI (or inbox: in the job file)");
                if (!storage.exists(storage.resolve(inbox))) {
                    throw new UsageException("the inbox " + storage.resolve(inbox) + " does not exist or cannot be read");
                }
            }
            String inboxUri = rebuild ? null : storage.resolve(inbox).toString();
            String warehouseUri = storage.resolve(warehouse).toString();
            LocalDate fixedDate = cl.option("run-date") == null ? null : runDate(cl);
            List<String> scope = scope(cl, jobFile);
            double threshold = threshold(cl, jobFile);
            long minCellSize = minCellSize(cl, jobFile);
            // A scheduled process makes a new run, dated the day it starts, at every tick.
            nextRun = () -> new RunSettings(newRunId(), rebuild ? RunSettings.REBUILD : RunSettings.RUN, inboxUri,
                    warehouseUri, fixedDate == null ? LocalDate.now() : fixedDate, scope, threshold, minCellSize);
        }
        Duration lease = lease(cl, jobFile);
        Schedule schedule = cl.command().equals("schedule") ? Schedule.of(cl) : null;
        List<String> springArgs = new ArrayList<>(cl.springArgs());
        springArgs.add("--force-returns.threads=" + threads);
        String logFormat = cl.option("log-format") == null ? "text" : cl.option("log-format");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new UsageException("--log-format must be text or json, not '" + logFormat + "'");
        }
        if (logFormat.equals("json")) {
            springArgs.add("--logging.config=classpath:" + LogFormat.JSON_CONFIG);
        }
        Path metricsFile = Path.of(cl.option("metrics-textfile") == null ? DEFAULT_METRICS_TEXTFILE
                : cl.option("metrics-textfile"));
        RunMetrics metrics = new RunMetrics();
        Progress progress = new Progress();
        long progressMillis = cl.option("progress-interval") == null ? -1
                : 1000 * parseLong(cl.option("progress-interval"), "--progress-interval");
        String reference = firstNonNull(cl.option("reference"), jobFile.reference());
        if (reference != null && !java.nio.file.Files.isDirectory(Path.of(reference))) {
            throw new UsageException("the reference folder " + reference + " does not exist");
        }
        PipelineFactory pipelines = new PipelineFactory(hadoop,
                ReferenceData.load(reference == null ? null : Path.of(reference)));
        try (ConfigurableApplicationContext ctx = startSpring(springArgs, pipelines, metrics, progress);
             ProgressReporter reporter = cl.command().equals("status") ? null
                     : progressMillis > 0 ? new ProgressReporter(progress, err, false, progressMillis)
                     : ProgressReporter.start(progress, err)) {
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobRepository repository = ctx.getBean(JobRepository.class);
            Job job = ctx.getBean(ForceReturnsJobConfiguration.JOB_NAME, Job.class);
            if (cl.command().equals("status")) {
                return status(repository, cl);
            }
            Supplier<RunSettings> runs = nextRun;
            Callable<Integer> once = () -> {
                long started = System.nanoTime();
                lastOutcome = null;
                WarehouseGuard guard = new WarehouseGuard(storage, lease, pipelines);
                int status = cl.command().equals("restart") ? restart(operator, repository, job, cl, guard)
                        : start(operator, repository, job, runs.get(), guard);
                RunOutcome outcome = lastOutcome;
                if (outcome != null) {
                    metrics.runFinished(outcome.status(), status, (System.nanoTime() - started) / 1e9,
                            outcome.quarantined(), outcome.unmapped(), outcome.newUnmapped());
                    metrics.writeTextfile(metricsFile);
                    log.info(outcome.summary(status));
                }
                return status;
            };
            return schedule == null ? once.call() : schedule.runForever(once, metrics, out);
        }
    }

    /** Starts Spring Boot: the JobRepository's database and the job; a database that cannot be reached is named. */
    private static ConfigurableApplicationContext startSpring(List<String> springArgs, PipelineFactory pipelines,
                                                              RunMetrics metrics, Progress progress) {
        try {
            return new SpringApplicationBuilder(ForceReturnsApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .initializers(c -> {
                        c.getBeanFactory().registerSingleton("pipelineFactory", pipelines);
                        c.getBeanFactory().registerSingleton("runMetrics", metrics);
                        c.getBeanFactory().registerSingleton("progress", progress);
                    })
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            String url = springArgs.stream().filter(a -> a.startsWith("--spring.datasource.url=")).findFirst()
                    .map(a -> a.substring("--spring.datasource.url=".length()))
                    .orElse("the embedded H2 database under var/jobrepo");
            throw new StartupException("cannot start with the JobRepository at " + url + ": " + oneLine(e), e);
        }
    }

    /**
     * Runs the job so that SIGTERM stops it gracefully: the files in progress finish, the run is marked STOPPED
     * (restartable), and the process exits once everything is released.
     */
    private JobExecution stoppable(JobOperator operator, JobRepository repository, String runId,
                                   Callable<JobExecution> job) throws Exception {
        Thread hook = new Thread(() -> {
            err.println("force-returns-etl: stop requested; finishing the files in progress (restart to continue)");
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
                finished.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.call();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for us
            }
        }
    }

    /** What a run needs to hold its warehouse: where it is, the lease, and where the publish step finds the fence. */
    private record WarehouseGuard(Storage storage, Duration lease, PipelineFactory pipelines) {
    }

    private int start(JobOperator operator, JobRepository repository, Job job, RunSettings settings,
                      WarehouseGuard guard) throws Exception {
        Storage storage = guard.storage();
        org.apache.hadoop.fs.Path warehouse = storage.resolve(settings.warehouse());
        return underLock(guard, warehouse, settings.runId(), "not started", () -> {
            recoverAbandoned(operator, repository, settings.warehouse());
            JobExecution execution = stoppable(operator, repository, settings.runId(),
                    () -> operator.start(job, settings.toJobParameters()));
            return finish(execution, storage, warehouse);
        });
    }

    /**
     * One run at a time per warehouse: the work runs holding its lease, or not at all (exit status 4). The publish
     * step checks the lease (its fence) before it changes the tables.
     */
    private int underLock(WarehouseGuard guard, org.apache.hadoop.fs.Path warehouse, String runId, String notDone,
                          Callable<Integer> work) throws Exception {
        Storage storage = guard.storage();
        Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(storage, warehouse, runId, guard.lease());
        if (lock.isEmpty()) {
            err.println("force-returns-etl: the warehouse " + Printable.escape(warehouse.toString()) + " is in use by "
                    + Printable.escape(WarehouseLock.holder(storage, warehouse)) + "; " + notDone);
            return ExitStatus.BUSY;
        }
        try (WarehouseLock held = lock.get()) {
            guard.pipelines().guard(warehouse, held);
            try {
                return work.call();
            } finally {
                guard.pipelines().guard(warehouse, null);
            }
        }
    }

    private int restart(JobOperator operator, JobRepository repository, Job job, CommandLine cl,
                        WarehouseGuard guard) throws Exception {
        Storage storage = guard.storage();
        JobExecution failed = cl.option("execution") != null
                ? repository.getJobExecution(parseLong(cl.option("execution"), "--execution"))
                : lastRestartable(repository);
        if (failed == null) {
            err.println("force-returns-etl: there is no failed run to restart");
            return ExitStatus.USAGE;
        }
        RunSettings settings = RunSettings.from(failed.getJobParameters());
        org.apache.hadoop.fs.Path warehouse = storage.resolve(settings.warehouse());
        JobExecution last = failed;
        return underLock(guard, warehouse, settings.runId(), "not restarted", () -> {
            JobExecution toRestart = last;
            if (toRestart.getStatus() == BatchStatus.COMPLETED) {
                err.println("force-returns-etl: run " + settings.runId() + " (execution " + toRestart.getId()
                        + ") completed; nothing to restart");
                return ExitStatus.USAGE;
            }
            if (toRestart.getStatus().isRunning()) {
                // We hold the warehouse lock, so the process that left it running is gone.
                toRestart = operator.recover(toRestart);
            }
            out.println("restarting run " + settings.runId() + " (execution " + toRestart.getId() + ")");
            JobExecution recovered = toRestart;
            JobExecution execution = stoppable(operator, repository, settings.runId(),
                    () -> operator.restart(recovered));
            return finish(execution, storage, warehouse);
        });
    }

    /**
     * We hold the warehouse lock, so any run of this warehouse still marked as running belongs to a process
     * that is gone: mark it failed rather than leave it blocking status and restarts forever.
     */
    private void recoverAbandoned(JobOperator operator, JobRepository repository, String warehouse) {
        for (JobExecution e : repository.findRunningJobExecutions(ForceReturnsJobConfiguration.JOB_NAME)) {
            if (warehouse.equals(e.getJobParameters().getString("warehouse"))) {
                operator.recover(e);
                out.println("run " + e.getJobParameters().getString("run.id") + " (execution " + e.getId()
                        + ") was left running by a process that is gone; marked FAILED");
            }
        }
    }

    private static JobExecution lastRestartable(JobRepository repository) {
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

    private int finish(JobExecution execution, Storage storage, org.apache.hadoop.fs.Path warehouse) throws IOException {
        lastOutcome = RunOutcome.of(execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<Fence.Fenced> fenced = execution.getAllFailureExceptions().stream()
                    .map(ForceReturnsCli::fenced).flatMap(Optional::stream).findFirst();
            if (fenced.isPresent()) {
                // Not restartable advice: the run that took over has published (or will); the next run goes on.
                err.println("force-returns-etl: run " + execution.getJobParameters().getString("run.id") + ": "
                        + fenced.get().getMessage());
                return ExitStatus.FAILED;
            }
            String why = execution.getAllFailureExceptions().stream().findFirst().map(ForceReturnsCli::oneLine)
                    .orElse(execution.getExitStatus().getExitDescription());
            err.println("force-returns-etl: run " + execution.getJobParameters().getString("run.id") + " "
                    + execution.getStatus() + " (execution " + execution.getId() + "): " + why);
            err.println("force-returns-etl: fix the cause, then: restart --execution " + execution.getId());
            return ExitStatus.FAILED;
        }
        new Headlines(warehouse, ReportData.read(storage, warehouse)).print(out);
        long quarantined = execution.getExecutionContext().getLong("quarantined.this.run", 0L);
        if (quarantined > 0) {
            out.println("\n" + quarantined + " file(s) quarantined by this run: see the quarantine and file_inventory tables");
            return ExitStatus.QUARANTINED;
        }
        return ExitStatus.SUCCESS;
    }

    private int status(JobRepository repository, CommandLine cl) {
        int limit = cl.option("limit") == null ? 10 : (int) parseLong(cl.option("limit"), "--limit");
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(ForceReturnsJobConfiguration.JOB_NAME, 0, limit)) {
            executions.addAll(repository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        out.printf("%-9s %-24s %-8s %-10s %-19s %9s %6s %9s %9s %9s %s%n", "execution", "run", "mode", "status",
                "started", "duration", "files", "rows", "rejected", "skipped", "exit status");
        for (JobExecution e : executions.subList(0, Math.min(limit, executions.size()))) {
            long files = e.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("ingestDelivery")).count();
            long rows = e.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("ingestDelivery"))
                    .mapToLong(s -> s.getReadCount()).sum();
            long rejected = e.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("ingestDelivery"))
                    .mapToLong(s -> s.getProcessSkipCount()).sum();
            long skipped = e.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("ingestDelivery"))
                    .mapToLong(s -> s.getFilterCount()).sum();
            LocalDateTime start = e.getStartTime();
            LocalDateTime end = e.getEndTime();
            String duration = start == null ? "-" : end == null ? "running" : Duration.between(start, end).toMillis() / 1000.0 + "s";
            out.printf("%-9d %-24s %-8s %-10s %-19s %9s %6d %9d %9d %9d %s%n", e.getId(),
                    e.getJobParameters().getString("run.id"), e.getJobParameters().getString("mode"), e.getStatus(),
                    start == null ? "-" : start.withNano(0).toString(), duration, files, rows, rejected, skipped,
                    RunOutcome.of(e).exitStatus());
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

    /** {@code --lock-lease SECONDS} or {@code lock-lease:} in the job file; {@link WarehouseLock#DEFAULT_LEASE} else. */
    private static Duration lease(CommandLine cl, JobFile jobFile) {
        long seconds = cl.option("lock-lease") != null ? parseLong(cl.option("lock-lease"), "--lock-lease")
                : jobFile.lockLease() != null ? jobFile.lockLease() : WarehouseLock.DEFAULT_LEASE.toSeconds();
        if (seconds < 1) {
            throw new UsageException("--lock-lease must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }

    private static LocalDate runDate(CommandLine cl) {
        String text = cl.option("run-date");
        if (text == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--run-date must be YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static List<String> scope(CommandLine cl, JobFile jobFile) {
        List<String> codes = cl.option("scope") != null ? Arrays.asList(cl.option("scope").split(","))
                : jobFile.scope() != null ? jobFile.scope() : DEFAULT_SCOPE;
        try {
            return OffenceScope.of(codes).codes().stream().map(Object::toString).sorted().toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad offence-code scope: " + e.getMessage());
        }
    }

    private static double threshold(CommandLine cl, JobFile jobFile) {
        double t = cl.option("reject-threshold") != null ? parseDouble(cl.option("reject-threshold"))
                : jobFile.rejectThreshold() != null ? jobFile.rejectThreshold() : 0.10;
        if (t < 0 || t > 1) {
            throw new UsageException("the reject threshold must be between 0 and 1, not " + t);
        }
        return t;
    }

    private static long minCellSize(CommandLine cl, JobFile jobFile) {
        long n = cl.option("min-cell-size") != null ? parseLong(cl.option("min-cell-size"), "--min-cell-size")
                : jobFile.minCellSize() != null ? jobFile.minCellSize() : 0;
        if (n < 0) {
            throw new UsageException("--min-cell-size cannot be negative");
        }
        return n;
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--reject-threshold must be a number such as 0.10, not '" + text + "'");
        }
    }

    private static long parseLong(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + text + "'");
        }
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new UsageException("missing " + what);
        }
        return value;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // The first line of a library's message; any control character a file name brought into it, escaped.
        return Printable.escape(message.lines().findFirst().orElse(message));
    }
}
