package org.forcereturns.publish;

/**
 * Statistical disclosure control for force-level tables: a count from 1 to {@code minCellSize - 1} is published
 * as null (with the row's {@code suppressed} flag set), as statistics offices do to protect victims in small
 * areas. Zero is not disclosive and stays. National and platform tables are never suppressed, so national totals
 * stay exact. Off when {@code minCellSize} is 0 or 1.
 */
public record SmallCellSuppression(long minCellSize) {

    public static final SmallCellSuppression OFF = new SmallCellSuppression(0);

    public SmallCellSuppression {
        if (minCellSize < 0) {
            throw new IllegalArgumentException("the minimum cell size cannot be negative: " + minCellSize);
        }
    }

    /** The count as published: null when it is a small non-zero count. */
    public Long apply(long count) {
        return count > 0 && count < minCellSize ? null : count;
    }
}
