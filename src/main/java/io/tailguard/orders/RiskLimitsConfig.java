package io.tailguard.orders;

import java.math.BigDecimal;
import java.time.Duration;
import io.tailguard.config.Require;

/** Hard limits every order must pass before it is transmitted. */
public record RiskLimitsConfig(
        Integer maxContractsPerOrder,
        BigDecimal maxPremiumPerWeekUsd,
        BigDecimal maxNotionalUsd,
        Duration maxQuoteAge) {

    public RiskLimitsConfig {
        maxContractsPerOrder = Require.range(Require.orDefault(maxContractsPerOrder, 50), 1, 10_000,
                "maxContractsPerOrder");
        maxPremiumPerWeekUsd = nonNegative(Require.orDefault(maxPremiumPerWeekUsd, new BigDecimal("5000")),
                "maxPremiumPerWeekUsd");
        maxNotionalUsd = nonNegative(Require.orDefault(maxNotionalUsd, new BigDecimal("1000000")), "maxNotionalUsd");
        maxQuoteAge = Require.positive(Require.orDefault(maxQuoteAge, Duration.ofSeconds(30)), "maxQuoteAge");
    }

    public static RiskLimitsConfig defaults() {
        return new RiskLimitsConfig(null, null, null, null);
    }

    private static BigDecimal nonNegative(BigDecimal v, String field) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + v.toPlainString());
        }
        return v;
    }
}
