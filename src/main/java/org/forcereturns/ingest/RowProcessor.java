package org.forcereturns.ingest;

import org.forcereturns.domain.CleanOffence;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The contract's rules for one row ({@code RowClassifier} of the row's delivery): an accepted row goes on to the
 * writer; a skipped one (totals rows, out-of-scope codes or forces) is filtered, so Spring Batch counts it as
 * filtered; a rejected one is thrown as {@link RejectedRow}, which the skip policy skips and counts. Holds no state
 * of its own, so one instance serves every partition, without a step-scoped proxy between it and each row.
 */
class RowProcessor implements ItemProcessor<DeliveryRow, CleanOffence> {

    @Override
    public CleanOffence process(DeliveryRow row) throws RejectedRow {
        RowOutcome outcome = row.delivery().classifier.classify(row.record());
        if (outcome instanceof RowOutcome.Accepted a) {
            return a.offence();
        }
        if (outcome instanceof RowOutcome.Rejected r) {
            throw new RejectedRow(r.reject());
        }
        row.delivery().skipped(((RowOutcome.Skipped) outcome).reason());
        return null;
    }
}
