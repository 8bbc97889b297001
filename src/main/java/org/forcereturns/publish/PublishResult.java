package org.forcereturns.publish;

import java.util.Map;

/**
 * What a publish did.
 *
 * @param published false when nothing had changed since the last publish, so nothing was rewritten
 * @param tableRows rows written per table
 * @param newUnmappedValues unmapped platform texts whose first delivery came in this run
 * @param quarantinedThisRun contents quarantined by the run publishing (read from the same ledger state)
 */
public record PublishResult(boolean published, Map<String, Long> tableRows, long quarantinedFiles,
                            long unmappedValues, long newUnmappedValues, long quarantinedThisRun) {
}
