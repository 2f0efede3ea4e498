package io.tailguard.orders;

import io.tailguard.domain.BrokerOrderStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one order at the broker as tailguard records it. PENDING_SUBMIT is written before the
 * order is transmitted, so that a crash between the two is recoverable. Driven by broker reports.
 */
public enum OrderState {
    PENDING_SUBMIT,
    SUBMITTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    INACTIVE;

    /** The one table of legal transitions. Staying in the same state is not a transition. */
    private static final Map<OrderState, Set<OrderState>> LEGAL = Map.of(
            PENDING_SUBMIT, EnumSet.of(SUBMITTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, INACTIVE),
            SUBMITTED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, INACTIVE),
            PARTIALLY_FILLED, EnumSet.of(FILLED, CANCELLED, INACTIVE),
            FILLED, EnumSet.noneOf(OrderState.class),
            CANCELLED, EnumSet.noneOf(OrderState.class),
            REJECTED, EnumSet.noneOf(OrderState.class),
            INACTIVE, EnumSet.noneOf(OrderState.class));

    public boolean canMoveTo(OrderState next) {
        return LEGAL.get(this).contains(next);
    }

    /** No more fills can come and nothing more will be sent. */
    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }

    /** Working at the broker: may still fill, may be re-priced or cancelled. */
    public boolean isWorking() {
        return this == SUBMITTED || this == PARTIALLY_FILLED;
    }

    /**
     * The state a broker status implies for an order of {@code quantity} with {@code filled} filled;
     * empty for statuses that say nothing new (PendingCancel, ApiPending, unknown text).
     */
    public static Optional<OrderState> fromBroker(BrokerOrderStatus status, BigDecimal filled, BigDecimal quantity) {
        boolean some = filled != null && filled.signum() > 0;
        boolean all = some && filled.compareTo(quantity) >= 0;
        return switch (status) {
            case PENDING_SUBMIT -> Optional.of(PENDING_SUBMIT);
            case PRE_SUBMITTED, SUBMITTED -> Optional.of(all ? FILLED : some ? PARTIALLY_FILLED : SUBMITTED);
            case FILLED -> Optional.of(FILLED);
            case CANCELLED, API_CANCELLED -> Optional.of(all ? FILLED : CANCELLED);
            case INACTIVE -> Optional.of(INACTIVE);
            case API_PENDING, PENDING_CANCEL, UNKNOWN -> Optional.empty();
        };
    }
}
