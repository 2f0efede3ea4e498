package io.tailguard.broker.ibkr.error;

import io.tailguard.broker.BrokerException;
import java.util.Objects;

/**
 * One ERR_MSG after classification. {@code id} is the request (or order) id it names, -1 for a
 * message about the connection. {@code known} is false when the code is not in our table.
 */
public record ClassifiedError(int id, int code, String text, ErrorCategory category, boolean known) {
    public ClassifiedError {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
    }

    public boolean isConnectionLevel() {
        return id < 0;
    }

    /** The failure to hand to the caller of the request this error names. */
    public BrokerException toException(String what) {
        return new BrokerException(category.kind(), code, what + ": " + text + " (IB error " + code + ")");
    }
}
