package org.forcereturns.job;

import org.apache.hadoop.fs.Path;
import org.forcereturns.ingest.Fingerprint;
import org.forcereturns.ingest.TextEncoding;
import org.forcereturns.ledger.DeliveryIngestion;
import org.forcereturns.ledger.DeliveryRecord;
import org.forcereturns.ledger.IngestedFile;
import org.forcereturns.ledger.PlannedDelivery;
import org.forcereturns.storage.Fence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Ingests the one delivery of its partition into the ledger; the file is the unit of restart. */
final class IngestDeliveryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestDeliveryTasklet.class);

    private final PipelineFactory pipelines;
    private final RunMetrics metrics;
    private final Progress progress;

    IngestDeliveryTasklet(PipelineFactory pipelines, RunMetrics metrics, Progress progress) {
        this.pipelines = pipelines;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        Pipeline pipeline = pipelines.forRun(step.getJobExecution().getJobParameters());
        ExecutionContext context = step.getExecutionContext();
        PlannedDelivery d = DeliveryContext.read(context);
        String runId = pipeline.settings().runId();
        MDC.put("run", runId);
        MDC.put("file", d.sourceFile());
        try {
            return ingest(contribution, step, pipeline, context, d, runId);
        } finally {
            MDC.remove("file");
        }
    }

    private RepeatStatus ingest(StepContribution contribution, StepExecution step, Pipeline pipeline,
                                ExecutionContext context, PlannedDelivery d, String runId) throws Exception {
        // A run that lost the warehouse while paused must not add to the ledger the run that took over has published.
        Fence fence = pipelines.fence(pipeline.warehouse());
        fence.check("ingesting " + d.sourceFile());
        TextEncoding encoding = d.encoding() == null ? null : TextEncoding.valueOf(d.encoding());
        DeliveryRecord record = new DeliveryRecord(d.sourceFile(), d.sha256(), d.bytes(), d.gzip(),
                encoding == null ? null : encoding.label(), runId, DeliveryContext.deliveredAt(context), d.duplicateOf(),
                d.inboxSize(), d.inboxModified(), d.notRegular());
        if (d.duplicateOf() != null) {
            fence.check("recording " + d.sourceFile());
            pipeline.ledger().recordDelivery(record);
            metrics.duplicateDelivered();
            progress.fileDone(d.bytes(), 0);
            log.info("{}: same bytes as {}, recorded as a duplicate", d.sourceFile(), d.duplicateOf());
            return RepeatStatus.FINISHED;
        }
        DeliveryIngestion ingestion = pipeline.ingestion();
        // An entry that is not a regular file is never opened: nothing of it reaches the archive.
        Path archived = d.notRegular() != null ? null : d.fromArchive() ? new Path(d.source())
                : ingestion.archive(new Path(d.source()), d.sha256(), d.gzip());
        IngestedFile file = ingestion.ingest(d.sourceFile(), archived, d.gzip(),
                new Fingerprint(d.sha256(), d.bytes(), encoding, d.unreadable()), runId);
        if (!d.fromArchive()) {
            fence.check("recording " + d.sourceFile());
            pipeline.ledger().recordDelivery(record);
        }
        var o = file.outcome();
        metrics.fileIngested(o);
        progress.fileDone(d.bytes(), o.rowsRead());
        step.setReadCount(o.rowsRead());
        contribution.incrementWriteCount(o.rowsAccepted());
        contribution.incrementFilterCount(o.rowsSkipped());
        contribution.incrementProcessSkipCount(o.rowsRejected());
        context.putString("status", o.status().name());
        log.info("{}: {} ({} rows read, {} accepted, {} rejected, {} skipped{})", d.sourceFile(), o.status(),
                o.rowsRead(), o.rowsAccepted(), o.rowsRejected(), o.rowsSkipped(),
                o.quarantine() == null ? "" : ", quarantined " + o.quarantine());
        return RepeatStatus.FINISHED;
    }
}
