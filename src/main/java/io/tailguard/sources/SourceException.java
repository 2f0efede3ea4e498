package io.tailguard.sources;

/**
 * A data source failed: the message says which source, which series and what happened (HTTP status and the API's
 * own error text, malformed JSON, a bad CSV line). Each failure is classified once, so that a retry happens only
 * where it helps: {@link Kind#TRANSIENT} (429, 5xx, a dropped response) is worth retrying; {@link Kind#UNREACHABLE}
 * (the connection itself was refused, timed out or the host is unknown) is not, and the rest of that source's
 * requests in the run are not tried either; {@link Kind#PERMANENT} (a bad key, a missing series) is final.
 */
public class SourceException extends RuntimeException {
    public enum Kind {
        TRANSIENT,
        UNREACHABLE,
        PERMANENT
    }

    private final Kind kind;

    public SourceException(String message, boolean transientFailure) {
        this(message, transientFailure ? Kind.TRANSIENT : Kind.PERMANENT, null);
    }

    public SourceException(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure ? Kind.TRANSIENT : Kind.PERMANENT, cause);
    }

    public SourceException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    public boolean isUnreachable() {
        return kind == Kind.UNREACHABLE;
    }

    /** Retry predicate: transient source failures only. */
    public static boolean isTransient(Throwable t) {
        return t instanceof SourceException s && s.isTransient();
    }

    /**
     * An I/O failure of one HTTP request, classified: no connection at all is {@link Kind#UNREACHABLE}, anything
     * after the connection (a reset, a read timeout) {@link Kind#TRANSIENT}.
     */
    public static SourceException ofIo(String what, java.net.URI uri, java.io.IOException e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        if (isConnectFailure(e)) {
            return new SourceException(what + ": unreachable at " + uri.getHost() + (uri.getPort() > 0 ? ":"
                    + uri.getPort() : "") + " (" + detail + ")", Kind.UNREACHABLE, e);
        }
        return new SourceException(what + ": " + detail, Kind.TRANSIENT, e);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}
