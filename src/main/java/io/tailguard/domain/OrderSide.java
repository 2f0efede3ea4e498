package io.tailguard.domain;

/** Buy or sell. IB's "BOT"/"SLD" (executions) and "BUY"/"SELL" (orders) are mapped at the adapter edge. */
public enum OrderSide {
    BUY,
    SELL;

    /** +1 for a buy, -1 for a sell: the sign of the position change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }
}
