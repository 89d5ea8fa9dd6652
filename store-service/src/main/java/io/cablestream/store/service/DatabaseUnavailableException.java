package io.cablestream.store.service;

/**
 * The database could not take a batch for a reason that is not the batch's (it is down, restarting, out of
 * connections, a deadlock): the same batch is to be written again later, never skipped.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
