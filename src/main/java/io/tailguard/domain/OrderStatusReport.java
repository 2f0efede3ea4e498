package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** IB's ORDER_STATUS: cumulative filled and remaining quantity of one order. {@code permId} is 0 until known. */
public record OrderStatusReport(
        long orderId,
        long permId,
        BrokerOrderStatus status,
        BigDecimal filled,
        BigDecimal remaining,
        BigDecimal avgFillPrice,
        String message) {

    public OrderStatusReport {
        Objects.requireNonNull(status, "status");
        filled = filled == null ? BigDecimal.ZERO : filled;
        remaining = remaining == null ? BigDecimal.ZERO : remaining;
        message = message == null ? "" : message;
    }
}
