package org.forcereturns.domain;

/** Why a well-formed row is deliberately not counted (contract sections 3 and 4). */
public enum SkipReason {
    TOTALS_ROW,
    OUT_OF_SCOPE_OFFENCE,
    OUT_OF_SCOPE_FORCE
}
