package io.tailguard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * IB's EXECUTION_DATA: one fill. An execId looks like {@code 0000e0d5.6554a1b2.01.01}; when the last
 * part changes, the new report corrects the earlier execution with the same {@link #execIdBase()}
 * rather than adding a second fill.
 */
public record ExecutionReport(
        String execId,
        long orderId,
        long permId,
        String orderRef,
        Contract contract,
        OrderSide side,
        BigDecimal shares,
        BigDecimal price,
        Instant time,
        BigDecimal cumQty,
        BigDecimal avgPrice,
        String account) {

    public ExecutionReport {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
        if (execId.isBlank()) {
            throw new IllegalArgumentException("execId must not be blank");
        }
        if (shares.signum() <= 0) {
            throw new IllegalArgumentException("shares must be positive, was " + shares);
        }
        orderRef = orderRef == null ? "" : orderRef;
        account = account == null ? "" : account;
    }

    /** The execId without its correction suffix: the identity of the fill across corrections. */
    public String execIdBase() {
        return baseOf(execId);
    }

    public static String baseOf(String execId) {
        int dot = execId.lastIndexOf('.');
        return dot <= 0 ? execId : execId.substring(0, dot);
    }
}
