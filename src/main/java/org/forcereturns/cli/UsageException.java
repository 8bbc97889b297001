package org.forcereturns.cli;

/** Bad command line or job file: exit status 2, with a message saying what to change. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
