package io.tailguard.proposal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The band of market midpoints within which the proposal (and its approval) stays valid. When the
 * market leaves it, the approval expires and the proposal must be re-priced.
 */
public record PriceBounds(BigDecimal low, BigDecimal high) {
    public PriceBounds {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.signum() < 0) {
            throw new IllegalArgumentException("low bound must be >= 0, was " + low);
        }
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("low bound " + low + " is above high bound " + high);
        }
    }

    public boolean contains(BigDecimal price) {
        return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
    }

    public String describe() {
        return low.toPlainString() + ".." + high.toPlainString();
    }
}
