package org.forcereturns.cli;

/** The application could not start (most often: the JobRepository's database); the message says where. */
class StartupException extends RuntimeException {

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
