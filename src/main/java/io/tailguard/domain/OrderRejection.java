package io.tailguard.domain;

import java.util.Objects;

/**
 * An ERR_MSG about one order (201 rejected, 202 cancelled, 110 price off the tick, 200 unknown
 * contract, 103 duplicate order id...). Every one is recorded; none is dropped.
 */
public record OrderRejection(long orderId, int code, String message) {
    public OrderRejection {
        Objects.requireNonNull(message, "message");
    }

    /** 202 confirms a cancel we asked for; it is not a rejection of the order. */
    public boolean isCancelConfirmation() {
        return code == 202;
    }
}
