package io.tailguard.broker;

import java.util.Objects;

/** A failed broker call, classified. {@code code} is the broker's error code, or 0 when there is none. */
public class BrokerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final BrokerErrorKind kind;
    private final int code;

    public BrokerException(BrokerErrorKind kind, int code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    public BrokerException(BrokerErrorKind kind, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    public BrokerErrorKind kind() {
        return kind;
    }

    public int code() {
        return code;
    }
}
