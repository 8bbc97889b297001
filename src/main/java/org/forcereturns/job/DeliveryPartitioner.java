package org.forcereturns.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.ingest.Inbox;
import org.forcereturns.ledger.IntakePlanner;
import org.forcereturns.ledger.PlannedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per delivery to ingest. Spring Batch calls this once per job instance: a restart reuses the
 * stored partitions and re-runs only those that did not complete.
 */
class DeliveryPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPartitioner.class);

    private final Pipeline pipeline;

    DeliveryPartitioner(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        RunSettings settings = pipeline.settings();
        List<PlannedDelivery> plan;
        try {
            Inbox inbox = settings.rebuild() ? null : new Inbox(pipeline.storage(), pipeline.storage().resolve(settings.inbox()));
            plan = new IntakePlanner(pipeline.storage(), pipeline.ledger(), pipeline.ingestion()).plan(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String deliveredAt = Instant.now().toString();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            partitions.put(String.format("delivery-%06d", i), DeliveryContext.write(plan.get(i), deliveredAt));
        }
        long duplicates = plan.stream().filter(p -> p.duplicateOf() != null).count();
        log.info("run {}: {} deliveries to ingest ({} re-deliveries of known content)", settings.runId(), plan.size(),
                duplicates);
        return partitions;
    }
}
