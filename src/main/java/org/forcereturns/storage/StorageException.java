package org.forcereturns.storage;

/** A file system that cannot be reached or used; the message names the location. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
