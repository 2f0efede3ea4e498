package io.tailguard.broker.sim;

import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order in the simulated gateway's book. Mutable under the book's lock only: the limit changes on a
 * modify, the status and fill figures on fills and cancels.
 */
final class SimOrder {
    /** A combo leg: its contract and the leg's side for one BUY of the combo. */
    record Leg(Contract contract, int ratio, OrderSide side) {
        Leg {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(side, "side");
        }
    }

    final long orderId;
    final long permId;
    final int clientId;
    final Contract contract;
    final List<Leg> legs;
    final OrderSide side;
    final BigDecimal quantity;
    final String tif;
    final String account;
    final String orderRef;
    BigDecimal limitPrice;
    BrokerOrderStatus status = BrokerOrderStatus.SUBMITTED;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal avgFillPrice = BigDecimal.ZERO;
    BigDecimal lastFillPrice = BigDecimal.ZERO;
    String completedTime = "";
    /** When a DAY order ends (its session's close); null for GTC or where the market has no sessions. */
    Instant dayEnd;

    SimOrder(long orderId, long permId, int clientId, Contract contract, List<Leg> legs, OrderSide side,
            BigDecimal quantity, BigDecimal limitPrice, String tif, String account, String orderRef) {
        this.orderId = orderId;
        this.permId = permId;
        this.clientId = clientId;
        this.contract = contract;
        this.legs = List.copyOf(legs);
        this.side = side;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.tif = tif;
        this.account = account;
        this.orderRef = orderRef;
    }

    boolean isCombo() {
        return !legs.isEmpty();
    }

    BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    boolean isFinal() {
        return status.isFinal();
    }

    /** IB's status text. */
    String statusText() {
        return switch (status) {
            case SUBMITTED -> "Submitted";
            case PRE_SUBMITTED -> "PreSubmitted";
            case FILLED -> "Filled";
            case CANCELLED -> "Cancelled";
            case API_CANCELLED -> "ApiCancelled";
            case INACTIVE -> "Inactive";
            case PENDING_CANCEL -> "PendingCancel";
            case PENDING_SUBMIT -> "PendingSubmit";
            case API_PENDING -> "ApiPending";
            case UNKNOWN -> "Unknown";
        };
    }

    void recordFill(BigDecimal qty, BigDecimal price) {
        BigDecimal total = avgFillPrice.multiply(filled).add(price.multiply(qty));
        filled = filled.add(qty);
        avgFillPrice = total.divide(filled, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        lastFillPrice = price;
        if (remaining().signum() == 0) {
            status = BrokerOrderStatus.FILLED;
        }
    }
}
