package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A limit order as it is transmitted. {@code orderRef} carries the stable id of the proposal leg so
 * that the order can be recognised in open orders, completed orders and executions after a restart.
 * Re-pricing re-sends a ticket with the same {@code orderId} and a new limit (IB's modify).
 */
public record OrderTicket(
        long orderId,
        Contract contract,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal limitPrice,
        TimeInForce timeInForce,
        String orderRef,
        String account) {

    public OrderTicket {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(account, "account");
        if (orderId <= 0) {
            throw new IllegalArgumentException("orderId must be positive, was " + orderId);
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (limitPrice.signum() < 0) {
            throw new IllegalArgumentException("limitPrice must be >= 0, was " + limitPrice);
        }
        if (orderRef.isBlank()) {
            throw new IllegalArgumentException("orderRef must not be blank");
        }
    }

    public OrderTicket withLimitPrice(BigDecimal newLimit) {
        return new OrderTicket(orderId, contract, side, quantity, newLimit, timeInForce, orderRef, account);
    }

    public OrderTicket withOrderId(long newOrderId) {
        return new OrderTicket(newOrderId, contract, side, quantity, limitPrice, timeInForce, orderRef, account);
    }

    /** e.g. {@code BUY 2 XSP 2026-11-27 580 P LMT 1.25 (ref P1-L1, id 1001)}. */
    public String describe() {
        return side + " " + quantity.toPlainString() + " " + contract.describe() + " LMT " + limitPrice.toPlainString()
                + " " + timeInForce + " (ref " + orderRef + ", id " + orderId + ", account " + account + ")";
    }
}
