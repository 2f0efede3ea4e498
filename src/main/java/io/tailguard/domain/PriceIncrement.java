package io.tailguard.domain;

/** One step of a market rule: from {@code lowEdge} upward, prices move in steps of {@code increment}. */
public record PriceIncrement(double lowEdge, double increment) {
    public PriceIncrement {
        if (!(increment > 0)) {
            throw new IllegalArgumentException("increment must be positive, was " + increment);
        }
        if (lowEdge < 0) {
            throw new IllegalArgumentException("lowEdge must be >= 0, was " + lowEdge);
        }
    }
}
