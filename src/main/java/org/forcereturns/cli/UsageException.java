package org.forcereturns.cli;

import org.springframework.boot.ExitCodeGenerator;

/** Bad command line or job file: exit status 2, with a message saying what to change. */
public class UsageException extends RuntimeException implements ExitCodeGenerator {

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return ExitStatus.USAGE;
    }
}
