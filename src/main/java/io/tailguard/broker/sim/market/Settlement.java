package io.tailguard.broker.sim.market;

import java.time.Instant;

/**
 * How an expired option settled: the underlying's settlement value (the close of the expiry day, or
 * SPX's opening value for AM-settled monthlies) and the option's intrinsic value per share.
 */
public record Settlement(long conId, double underlyingPrice, double intrinsicValue, Instant settledAt) {
    public Settlement {
        if (intrinsicValue < 0) {
            throw new IllegalArgumentException("intrinsicValue must be >= 0, was " + intrinsicValue);
        }
    }
}
