package io.tailguard.broker.ibkr.request;

import java.util.Objects;

/**
 * One leg of a BAG contract as PLACE_ORDER spells it. {@code action} is the leg's own side relative
 * to the combo ("BUY"/"SELL"): buying the combo buys the BUY legs and sells the SELL legs.
 *
 * @param ratio how many of this leg per one combo unit (1 for a plain spread)
 */
public record ComboLegSpec(long conId, int ratio, String action, String exchange) {
    public ComboLegSpec {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(exchange, "exchange");
        if (conId <= 0) {
            throw new IllegalArgumentException("a combo leg needs a qualified conId, was " + conId);
        }
        if (ratio <= 0) {
            throw new IllegalArgumentException("ratio must be positive, was " + ratio);
        }
        if (!action.equals("BUY") && !action.equals("SELL")) {
            throw new IllegalArgumentException("action must be BUY or SELL, was " + action);
        }
    }
}
