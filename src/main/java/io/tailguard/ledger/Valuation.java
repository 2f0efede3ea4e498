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

    /** "UPRO=76.00; XSP 2026-11-27 585 P=7.40": how a daily mark stores the prices it used. */
    public String describe(String underlying) {
        StringBuilder b = new StringBuilder(underlying + "=" + underlyingPrice.toPlainString());
        optionPrices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append("; ").append(e.getKey()).append('=').append(e.getValue().toPlainString()));
        return b.toString();
    }

    /** Reads {@link #describe(String)} back. */
    public static Valuation parse(String underlying, String described) {
        BigDecimal under = null;
        Map<String, BigDecimal> options = new java.util.LinkedHashMap<>();
        for (String part : described.split("; ")) {
            int eq = part.lastIndexOf('=');
            String key = part.substring(0, eq);
            BigDecimal price = new BigDecimal(part.substring(eq + 1));
            if (key.equals(underlying)) {
                under = price;
            } else {
                options.put(key, price);
            }
        }
        if (under == null) {
            throw new IllegalArgumentException("no " + underlying + " price in '" + described + "'");
        }
        return new Valuation(under, options);
    }
}
