package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Prices that value what a cycle still holds: the underlying's price (its close at expiry for a closed
 * cycle, a quote for a daily mark) and a price per open option, by {@link Instrument#key()}.
 */
public record Valuation(BigDecimal underlyingPrice, Map<String, BigDecimal> optionPrices) {
    public Valuation {
        Objects.requireNonNull(underlyingPrice, "underlyingPrice");
        optionPrices = Map.copyOf(optionPrices);
    }

    public static Valuation at(BigDecimal underlyingPrice) {
        return new Valuation(underlyingPrice, Map.of());
    }
}
