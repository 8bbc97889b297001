package org.forcereturns.ingest;

import org.forcereturns.domain.Reject;


/**
 * A row the contract rejects: thrown by the processor so that Spring Batch's skip policy skips it and counts it,
 * and its skip listener sends it to the quarantine. Carries no stack trace: it is an outcome, not a fault.
 */
final class RejectedRow extends Exception {

    private final transient Reject reject;

    RejectedRow(Reject reject) {
        super(reject.reason().name(), null, false, false);
        this.reject = reject;
    }

    Reject reject() {
        return reject;
    }
}
