package org.forcereturns.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.intake.DeliveryContext;
import org.forcereturns.intake.PlannedDelivery;
import org.forcereturns.intake.TextEncoding;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Sums up a delivery when its last row has been read, from the counts Spring Batch kept (read, written, filtered,
 * skipped): decides whether the file is quarantined ({@code TOO_MANY_REJECTS}, contract section 6) and records
 * it in the ledger within the last chunk's transaction, together with Spring Batch's own final counts; so the
 * content counts as ingested exactly when its step completes, and a step that fails before records nothing.
 * Also sends each rejected row to the quarantine (the skip listener) and reports the file when the step ends.
 */
class DeliveryOutcome implements StepExecutionListener, SkipListener<DeliveryRow, CleanOffence>, ItemStream {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcome.class);
    static final String STATUS = "status";

    private final DeliveryInProgress delivery;
    private final RunMetrics metrics;
    private final Progress progress;
    private StepExecution step;
    private boolean recorded;
    /** The file's outcome once recorded; null for a re-delivery of known bytes, which only records the delivery. */
    private FileOutcome outcome;

    DeliveryOutcome(DeliveryInProgress delivery, RunMetrics metrics, Progress progress) {
        this.delivery = delivery;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
        MDC.put("run", delivery.pipeline.settings().runId());
        MDC.put("file", delivery.delivery.sourceFile());
    }

    @Override
    public void onSkipInProcess(DeliveryRow row, Throwable t) {
        try {
            delivery.rejected(((RejectedRow) t).reject());
        } catch (IOException e) {
            throw new ItemStreamException("cannot write the rejects of " + delivery.delivery.sourceFile(), e);
        }
    }

    /** Called in each chunk's transaction; after the last row, records the delivery in that same transaction. */
    @Override
    public void update(ExecutionContext context) {
        if (!delivery.exhausted || recorded) {
            return;
        }
        try {
            outcome = record();
        } catch (IOException e) {
            throw new ItemStreamException("cannot record " + delivery.delivery.sourceFile() + ": " + e.getMessage(), e);
        }
        recorded = true;
        context.putString(STATUS, outcome == null ? "DUPLICATE" : outcome.status().name());
    }

    private FileOutcome record() throws IOException {
        PlannedDelivery d = delivery.delivery;
        delivery.fence.check("recording " + d.sourceFile());
        TextEncoding encoding = d.encoding() == null ? null : TextEncoding.valueOf(d.encoding());
        DeliveryRecord record = new DeliveryRecord(d.sourceFile(), d.sha256(), d.bytes(), d.gzip(),
                encoding == null ? null : encoding.label(), delivery.pipeline.settings().runId(),
                DeliveryContext.deliveredAt(step.getExecutionContext()), d.duplicateOf(), d.inboxSize(),
                d.inboxModified(), d.notRegular());
        if (d.duplicateOf() != null) {
            delivery.ledger.recordDelivery(record);
            return null;
        }
        long read = step.getReadCount();
        long rejected = step.getProcessSkipCount();
        RejectReason quarantine = delivery.quarantinedWhole;
        if (quarantine == null) {
            Optional<Reject> tooMany = RejectThreshold.quarantine(d.sourceFile(), rejected, read,
                    delivery.pipeline.settings().rejectThreshold());
            if (tooMany.isPresent()) {
                delivery.quarantinedAfterReading(tooMany.get());
                quarantine = tooMany.get().reason();
            }
        }
        var header = delivery.header;
        delivery.finish(quarantine != null);
        FileOutcome o = new FileOutcome(header == null ? null : header.mapping().layout(), read, step.getWriteCount(),
                rejected, step.getFilterCount(), delivery.rejectsByReason, delivery.skipsByReason, quarantine,
                new java.util.TreeMap<>(), header == null ? 0 : header.preambleLines(),
                header == null ? null : header.mapping().ignoredColumns());
        List<OffenceTally> tallies = quarantine == null ? delivery.tallies.tallies() : List.of();
        delivery.ledger.commit(new IngestedFile(d.sha256(), d.sourceFile(), delivery.pipeline.settings().runId(), o),
                step.getId(), tallies, d.fromArchive() ? null : record);
        return o;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        PlannedDelivery d = delivery.delivery;
        try {
            if (!recorded) {
                return null;
            }
            progress.fileDone(d.bytes(), outcome == null ? 0 : outcome.rowsRead());
            if (outcome == null) {
                metrics.duplicateDelivered();
                log.info("{}: same bytes as {}, recorded as a duplicate", d.sourceFile(), d.duplicateOf());
                return null;
            }
            metrics.fileIngested(outcome);
            log.info("{}: {} ({} rows read, {} accepted, {} rejected, {} skipped{})", d.sourceFile(), outcome.status(),
                    outcome.rowsRead(), outcome.rowsAccepted(), outcome.rowsRejected(), outcome.rowsSkipped(),
                    outcome.quarantine() == null ? "" : ", quarantined " + outcome.quarantine());
            return null;
        } finally {
            MDC.remove("file");
        }
    }

    @Override
    public void close() {
        try {
            delivery.close();
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + delivery.delivery.sourceFile(), e);
        }
    }
}
