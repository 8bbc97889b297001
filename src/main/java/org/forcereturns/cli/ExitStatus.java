package org.forcereturns.cli;

/** Process exit statuses (contract section 6), for schedulers. */
public final class ExitStatus {

    public static final int SUCCESS = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int QUARANTINED = 3;
    /** Another run holds the warehouse; nothing was done. */
    public static final int BUSY = 4;

    private ExitStatus() {
    }
}
