package org.forcereturns.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.job.Pipeline;
import org.forcereturns.job.RunSettings;
import org.forcereturns.metrics.Progress;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.Ledgers;
import org.forcereturns.warehouse.RawArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per delivery to ingest, named by the delivery's identity (path and content hash).
 *
 * <p>Spring Batch calls this again on a restart and matches partitions to the failed run's by name only, keeping
 * their stored contexts. Names that depend on the delivery itself, not on its position in the plan, make that
 * match right: deliveries the ledger already recorded drop out of the plan, unfinished ones keep their name, and
 * files that arrived since are new partitions.
 */
class DeliveryPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPartitioner.class);

    private final Pipeline pipeline;
    private final Ledgers ledgers;
    private final Progress progress;

    DeliveryPartitioner(Pipeline pipeline, Ledgers ledgers, Progress progress) {
        this.pipeline = pipeline;
        this.ledgers = ledgers;
        this.progress = progress;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        RunSettings settings = pipeline.settings();
        org.slf4j.MDC.put("run", settings.runId());
        List<PlannedDelivery> plan;
        try {
            Inbox inbox = settings.rebuild() ? null : new Inbox(pipeline.storage(), pipeline.storage().resolve(settings.inbox()));
            plan = new IntakePlanner(pipeline.storage(), ledgers.of(pipeline.storage(), pipeline.warehouse()),
                    new RawArchive(pipeline.storage(), pipeline.warehouse())).plan(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String deliveredAt = Instant.now().toString();
        progress.startStep("ingest");
        progress.planned(plan.size(), plan.stream().mapToLong(PlannedDelivery::bytes).sum());
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (PlannedDelivery d : plan) {
            partitions.put("d-" + DeliveryRecord.idOf(d.sourceFile(), d.sha256()), DeliveryContext.write(d, deliveredAt));
        }
        long duplicates = plan.stream().filter(p -> p.duplicateOf() != null).count();
        log.info("run {}: {} deliveries to ingest ({} re-deliveries of known content)", settings.runId(), plan.size(),
                duplicates);
        return partitions;
    }
}
