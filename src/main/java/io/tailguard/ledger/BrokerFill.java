package io.tailguard.ledger;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The ledger's input for one execution as the broker last reported it (the orders layer stores it once per
 * execId base and replaces it on a correction). {@code commission} is null while its report is missing.
 */
public record BrokerFill(
        String execId,
        String execIdBase,
        String orderRef,
        Instrument instrument,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal price,
        Instant executedAt,
        BigDecimal commission) {

    public BrokerFill {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(execIdBase, "execIdBase");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(executedAt, "executedAt");
        orderRef = orderRef == null ? "" : orderRef;
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(execId + ": quantity must be positive, was " + quantity);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(execId + ": price must be >= 0, was " + price);
        }
    }

    public BrokerFill withCommission(BigDecimal c) {
        return new BrokerFill(execId, execIdBase, orderRef, instrument, side, quantity, price, executedAt, c);
    }
}
