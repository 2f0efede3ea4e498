package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order the broker knows: from OPEN_ORDER (working) or COMPLETED_ORDER (final). {@code orderRef}
 * is what tailguard looks for before it (re)sends a leg.
 */
public record OpenOrderReport(
        long orderId,
        long permId,
        String orderRef,
        Contract contract,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BrokerOrderStatus status,
        BigDecimal filled,
        String account) {

    public OpenOrderReport {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
        orderRef = orderRef == null ? "" : orderRef;
        filled = filled == null ? BigDecimal.ZERO : filled;
        account = account == null ? "" : account;
    }
}
