package io.tailguard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * IB's market rule: price increments that depend on the price level (for many option classes a
 * penny below $3 and a nickel above). A limit price off the increment is rejected with error 110.
 */
public record MarketRule(int id, List<PriceIncrement> increments) {

    public MarketRule {
        if (increments.isEmpty()) {
            throw new IllegalArgumentException("market rule " + id + " has no increments");
        }
        increments = increments.stream().sorted(Comparator.comparingDouble(PriceIncrement::lowEdge)).toList();
    }

    /** The increment in force at {@code price}. */
    public double incrementAt(double price) {
        double inc = increments.get(0).increment();
        for (PriceIncrement step : increments) {
            if (price >= step.lowEdge()) {
                inc = step.increment();
            }
        }
        return inc;
    }

    /** Rounds {@code price} to a valid increment in the given direction (FLOOR, CEILING or HALF_UP). */
    public BigDecimal round(double price, RoundingMode mode) {
        BigDecimal inc = BigDecimal.valueOf(incrementAt(price));
        BigDecimal steps = BigDecimal.valueOf(price).divide(inc, 0, mode);
        return steps.multiply(inc).stripTrailingZeros();
    }
}
