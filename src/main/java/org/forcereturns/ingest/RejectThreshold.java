package org.forcereturns.ingest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;

/**
 * Contract section 6: a file where more than the threshold's share of data rows is rejected is quarantined whole,
 * {@code TOO_MANY_REJECTS}; exactly the threshold is loaded.
 */
public final class RejectThreshold {

    private RejectThreshold() {
    }

    /** The file-level reject that quarantines the file, or empty when it is loaded. */
    public static Optional<Reject> quarantine(String sourceFile, long rejected, long read, double threshold) {
        if (read == 0 || !tooManyRejects(rejected, read, threshold)) {
            return Optional.empty();
        }
        return Optional.of(new Reject(sourceFile, 0, RejectReason.TOO_MANY_REJECTS, null,
                String.format(Locale.ROOT, "%d of %d rows rejected (%.1f%%, limit %.1f%%)", rejected, read,
                        100.0 * rejected / read, 100.0 * threshold), ""));
    }

    /**
     * Whether {@code rejected / read} is strictly above {@code threshold}, decided in exact decimal arithmetic:
     * in doubles 0.29 * 100 is 28.999999999999996, which would quarantine a file with exactly 29% rejected.
     * The threshold is taken as the decimal it was written as ({@link BigDecimal#valueOf(double)}).
     */
    static boolean tooManyRejects(long rejected, long read, double threshold) {
        return BigDecimal.valueOf(rejected).compareTo(BigDecimal.valueOf(threshold).multiply(BigDecimal.valueOf(read))) > 0;
    }
}
