package io.tailguard.proposal;

import io.tailguard.domain.OrderSide;

/**
 * Why a leg is traded, which decides whether it reduces risk. Only risk-reducing legs pass the
 * REDUCING trading state and the auto-within-limits approval policy.
 */
public enum LegIntent {
    /** Buying puts (or other protection): caps the loss. */
    BUY_PROTECTION(true, OrderSide.BUY),
    /** Closing (part of) an existing position, e.g. buying back a short call. */
    CLOSE_POSITION(true, null),
    /** Selling the leveraged underlying: less exposure. */
    SELL_UNDERLYING(true, OrderSide.SELL),
    /** Writing a call against shares held: income, but it opens a short option position. */
    OPEN_SHORT_CALL(false, OrderSide.SELL),
    /** Buying the leveraged underlying: more exposure. */
    BUY_UNDERLYING(false, OrderSide.BUY);

    private final boolean reducesRisk;
    private final OrderSide requiredSide;

    LegIntent(boolean reducesRisk, OrderSide requiredSide) {
        this.reducesRisk = reducesRisk;
        this.requiredSide = requiredSide;
    }

    public boolean reducesRisk() {
        return reducesRisk;
    }

    /** Whether a leg on {@code side} can carry this intent (closing works either way). */
    public boolean allows(OrderSide side) {
        return requiredSide == null || requiredSide == side;
    }
}
