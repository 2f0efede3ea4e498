package io.tailguard.orders.store;

import io.tailguard.orders.OrderState;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The stored order of one proposal leg. {@code filledQty} and {@code avgPrice} are derived from the
 * stored executions, so a fill reported twice is counted once. {@code inferred}: adopted by
 * reconciliation rather than seen live.
 */
public record BrokerOrder(
        long orderId,
        String legId,
        String proposalId,
        long permId,
        String account,
        OrderState state,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal filledQty,
        BigDecimal avgPrice,
        int repriceCount,
        boolean inferred,
        Instant createdAt,
        Instant transmittedAt,
        Instant pricedAt,
        String lastMessage) {

    public BigDecimal remaining() {
        return quantity.subtract(filledQty).max(BigDecimal.ZERO);
    }

    public boolean isFullyFilled() {
        return filledQty.compareTo(quantity) >= 0;
    }
}
