package io.tailguard.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A top-of-book quote. Prices the broker did not send are {@link Double#NaN}; sizes it did not send are 0.
 * {@code delayed} is true when the data came as delayed market data (type 3/4).
 */
public record Quote(
        double bid,
        double ask,
        double last,
        double bidSize,
        double askSize,
        double lastSize,
        OptionGreeks greeks,
        boolean delayed,
        Instant receivedAt) {

    public Quote {
        Objects.requireNonNull(greeks, "greeks");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public boolean hasBidAndAsk() {
        return isPrice(bid) && isPrice(ask);
    }

    /** Bid above ask: the quote cannot be traded on and must not be used for a limit price. */
    public boolean isCrossed() {
        return hasBidAndAsk() && bid > ask;
    }

    /** Midpoint, or NaN when either side is missing. */
    public double mid() {
        return hasBidAndAsk() ? (bid + ask) / 2.0 : Double.NaN;
    }

    public Duration ageAt(Instant now) {
        return Duration.between(receivedAt, now);
    }

    /** A price field is usable when present and not negative (IB sends -1 for "no price"). */
    public static boolean isPrice(double p) {
        return !Double.isNaN(p) && p >= 0;
    }
}
