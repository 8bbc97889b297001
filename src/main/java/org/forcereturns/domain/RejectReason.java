package org.forcereturns.domain;

/** Why a row, or a whole file, was rejected (contract sections 4 to 6). */
public enum RejectReason {
    // row level
    UNKNOWN_FORCE,
    BAD_DATE,
    DATE_OUT_OF_RANGE,
    BAD_PERIOD,
    BAD_OFFENCE_CODE,
    BAD_COUNT,
    MISSING_VALUE,
    MALFORMED_ROW,
    DUPLICATE_IN_FILE,
    // file level: the whole file is quarantined
    MISSING_COLUMNS,
    UNREADABLE,
    TOO_MANY_REJECTS;

    public boolean isFileLevel() {
        return this == MISSING_COLUMNS || this == UNREADABLE || this == TOO_MANY_REJECTS;
    }
}
