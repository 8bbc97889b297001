package org.forcereturns.domain;

/** What became of one delivered file. */
public enum FileStatus {
    /** Its accepted rows count (unless a later delivery corrects them). */
    LOADED,
    /** Nothing in it counts; the reason is in the quarantine table. */
    QUARANTINED,
    /** The same bytes were delivered before; it adds nothing. */
    DUPLICATE
}
