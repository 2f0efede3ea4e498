package io.tailguard.store;

/** The database could not be reached or did not accept a statement; the message names what. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
