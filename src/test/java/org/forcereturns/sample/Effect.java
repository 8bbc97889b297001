package org.forcereturns.sample;

import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;

/** What a correct pipeline does with one data row of a return, as the generator intends it. */
sealed interface Effect {

    /**
     * An accepted row: a record-layout offence (1) or a count cell. A suppressed cell adds nothing but is accepted.
     *
     * @param mention the platform(s) named, null when none was recorded
     */
    record Accepted(String forceCode, FinancialPeriod period, long offences, boolean suppressed, Mention mention)
            implements Effect {
    }

    record Rejected(RejectReason reason) implements Effect {
    }

    record Skipped(SkipReason reason) implements Effect {
    }
}
