package org.forcereturns.ingest;

import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.SkipReason;

/** What became of one data row. */
public sealed interface RowOutcome {

    record Accepted(CleanOffence offence) implements RowOutcome {
    }

    record Rejected(Reject reject) implements RowOutcome {
    }

    record Skipped(SkipReason reason) implements RowOutcome {
    }
}
