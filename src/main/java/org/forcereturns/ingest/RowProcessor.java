package org.forcereturns.ingest;

import org.forcereturns.domain.CleanOffence;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The contract's rules for one row ({@code RowClassifier}): an accepted row goes on to the writer; a skipped one
 * (totals rows, out-of-scope codes or forces) is filtered, so Spring Batch counts it as filtered; a rejected one
 * is thrown as {@link RejectedRow}, which the skip policy skips and counts.
 */
class RowProcessor implements ItemProcessor<CsvRecord, CleanOffence> {

    private final DeliveryInProgress delivery;

    RowProcessor(DeliveryInProgress delivery) {
        this.delivery = delivery;
    }

    @Override
    public CleanOffence process(CsvRecord record) throws RejectedRow {
        RowOutcome outcome = delivery.classifier.classify(record);
        if (outcome instanceof RowOutcome.Accepted a) {
            return a.offence();
        }
        if (outcome instanceof RowOutcome.Rejected r) {
            throw new RejectedRow(r.reject());
        }
        delivery.skipped(((RowOutcome.Skipped) outcome).reason());
        return null;
    }
}
