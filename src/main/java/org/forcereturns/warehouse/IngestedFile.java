package org.forcereturns.warehouse;

import org.forcereturns.domain.FileOutcome;


/**
 * The outcome of ingesting one distinct content (by SHA-256), and the run that ingested it.
 *
 * @param sourceFile the delivery whose path the content's rows and rejects carry: the first delivery of these
 *                   bytes in delivery order when it was ingested
 */
public record IngestedFile(String sha256, String sourceFile, String runId, FileOutcome outcome) {

    /** Whether the content's rows carry this delivery's path, so they need not be read again for it. */
    public boolean ingestedAs(String deliveryPath) {
        return deliveryPath.equals(sourceFile);
    }
}
