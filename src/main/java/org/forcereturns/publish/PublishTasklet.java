package org.forcereturns.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.job.Pipeline;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.job.RunSettings;
import org.forcereturns.metrics.Progress;
import org.forcereturns.report.HtmlReport;
import org.forcereturns.report.ReportData;
import org.forcereturns.storage.Fence;
import org.forcereturns.warehouse.Ledgers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Republishes every table from the ledger when anything changed; restarts redo it whole (it is derived). */
public final class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);
    public static final String QUARANTINED_THIS_RUN = "quarantined.this.run";
    static final String PUBLISHED = "published";
    public static final String UNMAPPED_VALUES = "unmapped.values";
    public static final String NEW_UNMAPPED_VALUES = "unmapped.new";

    private final PipelineFactory pipelines;
    private final Ledgers ledgers;
    private final ReferenceData reference;
    private final String softwareVersion;
    private final Progress progress;

    PublishTasklet(PipelineFactory pipelines, Ledgers ledgers, ReferenceData reference, String softwareVersion,
                   Progress progress) {
        this.pipelines = pipelines;
        this.ledgers = ledgers;
        this.reference = reference;
        this.softwareVersion = softwareVersion;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        Pipeline pipeline = pipelines.forRun(step.getJobExecution().getJobParameters());
        String runId = pipeline.settings().runId();
        org.slf4j.MDC.put("run", runId);
        progress.startStep("publish: writing the tables");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("force_returns.software_version", softwareVersion);
        metadata.put("force_returns.run_date", pipeline.settings().runDate().toString());
        Fence fence = pipelines.fence(pipeline.warehouse());
        WarehousePublisher publisher = new WarehousePublisher(pipeline.storage(), pipeline.warehouse(),
                ledgers.of(pipeline.storage(), pipeline.warehouse()),
                raw -> reference.platformNormaliser().suggest(raw),
                new SmallCellSuppression(pipeline.settings().minCellSize()), pipeline.settings().runDate(), fence);
        PublishResult result = publisher.publish(runId, metadata);

        // Counted by the publisher from the ledger it has just read, rather than reading every record again.
        long quarantinedThisRun = result.quarantinedThisRun();
        ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
        jobContext.putLong(QUARANTINED_THIS_RUN, quarantinedThisRun);
        jobContext.putString(PUBLISHED, Boolean.toString(result.published()));
        jobContext.putLong(UNMAPPED_VALUES, result.unmappedValues());
        jobContext.putLong(NEW_UNMAPPED_VALUES, result.newUnmappedValues());
        RunSettings settings = pipeline.settings();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", runId);
        run.put("job_execution_id", step.getJobExecution().getId());
        run.put("mode", settings.mode());
        run.put("started_at", String.valueOf(step.getJobExecution().getStartTime()));
        run.put("finished_at", java.time.LocalDateTime.now().toString());
        run.put("run_date", settings.runDate().toString());
        run.put("software_version", softwareVersion);
        run.put("tables_republished", result.published());
        Map<String, Object> jobSettings = new LinkedHashMap<>();
        jobSettings.put("inbox", settings.inbox());
        jobSettings.put("warehouse", settings.warehouse());
        jobSettings.put("scope", settings.scope());
        jobSettings.put("reject_threshold", settings.rejectThreshold());
        jobSettings.put("publish_min_cell_size", settings.minCellSize());
        fence.check("writing the manifest and report");
        RunManifest.write(pipeline.storage(), pipeline.warehouse(), run, jobSettings, result);
        HtmlReport.write(pipeline.storage(), pipeline.warehouse(), ReportData.read(pipeline.storage(), pipeline.warehouse()));
        if (result.published()) {
            log.info("run {}: published {} tables to {} ({} clean offence rows)", runId, result.tableRows().size(),
                    pipeline.warehouse(), result.tableRows().get("clean_offences"));
        } else {
            log.info("run {}: nothing new since the last publish; tables left as they were", runId);
        }
        return RepeatStatus.FINISHED;
    }
}
