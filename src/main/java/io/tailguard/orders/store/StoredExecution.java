package io.tailguard.orders.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored fill with its commission, null while the commission report has not arrived. */
public record StoredExecution(
        String execIdBase,
        String execId,
        long orderId,
        String orderRef,
        String side,
        BigDecimal shares,
        BigDecimal price,
        Instant executedAt,
        boolean inferred,
        int corrections,
        BigDecimal commission) {
}
