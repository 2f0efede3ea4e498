package io.tailguard.orders.store;

import io.tailguard.orders.OrderEnd;
import io.tailguard.orders.OrderState;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The stored order of one proposal leg. {@code filledQty} and {@code avgPrice} are derived from the
 * stored executions, so a fill reported twice is counted once. {@code inferred}: adopted by
 * reconciliation rather than seen live. {@code cancelReason}: why tailguard asked the broker to cancel it
 * (null while it has not), recorded before the cancel was sent; {@code endReason}: why it ended, once final.
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
        String lastMessage,
        OrderEnd cancelReason,
        String cancelDetail,
        Instant cancelSentAt,
        OrderEnd endReason,
        String endDetail) {

    public BigDecimal remaining() {
        return quantity.subtract(filledQty).max(BigDecimal.ZERO);
    }

    public boolean isFullyFilled() {
        return filledQty.compareTo(quantity) >= 0;
    }

    /** "working window over: no fill within PT5M", or null while the order is not final. */
    public String describeEnd() {
        return endReason == null ? null : endReason.describe(endDetail);
    }
}
