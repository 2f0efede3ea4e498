package io.tailguard.orders;

import java.math.BigDecimal;
import java.time.Duration;
import io.tailguard.config.Require;

/**
 * Approval: manual by default. {@code expiry} is how long an approval stays good; the
 * auto-within-limits policy approves only risk-reducing proposals whose premium is within
 * {@code autoMaxPremiumUsd}.
 */
public record ApprovalConfig(ApprovalPolicy policy, Duration expiry, BigDecimal autoMaxPremiumUsd) {
    public ApprovalConfig {
        policy = Require.orDefault(policy, ApprovalPolicy.MANUAL);
        expiry = Require.positive(Require.orDefault(expiry, Duration.ofMinutes(30)), "expiry");
        autoMaxPremiumUsd = Require.orDefault(autoMaxPremiumUsd, new BigDecimal("2500"));
        if (autoMaxPremiumUsd.signum() < 0) {
            throw new IllegalArgumentException("autoMaxPremiumUsd: must be >= 0, was " + autoMaxPremiumUsd);
        }
    }
}
