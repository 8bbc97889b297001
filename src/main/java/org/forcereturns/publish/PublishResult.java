package org.forcereturns.publish;

import java.util.List;
import java.util.Map;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;

/**
 * What a publish did.
 *
 * @param published false when nothing had changed since the last publish, so nothing was rewritten
 * @param tableRows rows written per table
 * @param newUnmappedValues unmapped platform texts whose first delivery came in this run
 * @param quarantinedThisRun contents quarantined by the run publishing (read from the same ledger state)
 * @param deliveries every delivery in the ledger, as the publish read them (for the manifest)
 * @param files      the outcome of every ingested content, by SHA-256
 */
public record PublishResult(boolean published, Map<String, Long> tableRows, long quarantinedFiles,
                            long unmappedValues, long newUnmappedValues, long quarantinedThisRun,
                            List<DeliveryRecord> deliveries, Map<String, IngestedFile> files) {
}
