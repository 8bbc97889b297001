package org.forcereturns.ingest;

import org.forcereturns.domain.CleanOffence;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes accepted rows to the delivery's {@code clean_offences} files (encoded once, here; publishing copies
 * them) and counts them into its tallies.
 */
class CleanOffenceWriter implements ItemWriter<CleanOffence> {

    private final DeliveryInProgress delivery;

    CleanOffenceWriter(DeliveryInProgress delivery) {
        this.delivery = delivery;
    }

    @Override
    public void write(Chunk<? extends CleanOffence> rows) throws Exception {
        for (CleanOffence row : rows) {
            delivery.accepted(row);
        }
    }
}
