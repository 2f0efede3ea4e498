package io.tailguard.sources;

/**
 * A data source failed: the message says which source, which series and what happened (HTTP status and the API's
 * own error text, malformed JSON, a bad CSV line). {@code transientFailure} marks failures worth retrying.
 */
public class SourceException extends RuntimeException {
    private final boolean transientFailure;

    public SourceException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public SourceException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** Retry predicate: transient source failures only. */
    public static boolean isTransient(Throwable t) {
        return t instanceof SourceException s && s.isTransient();
    }
}
