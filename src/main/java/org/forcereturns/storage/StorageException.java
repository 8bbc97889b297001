package org.forcereturns.storage;

/** A file system that cannot be reached or used; the message names the location, in one line. */
public class StorageException extends RuntimeException {

    private final boolean configuration;

    public StorageException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StorageException(String message, Throwable cause, boolean configuration) {
        super(message, cause);
        this.configuration = configuration;
    }

    /**
     * True when the settings are at fault (an unknown scheme or host, no permission): running again unchanged
     * cannot help. False for an outage (a NameNode that refuses or does not answer), which may pass.
     */
    public boolean configuration() {
        return configuration;
    }
}
