package io.tailguard.hedge;

import java.util.List;

/** Classifies the XSP at-the-money implied volatility into an {@link IvRegime} as configured. */
public final class IvRegimeRules {
    private final IvRegimeConfig config;

    public IvRegimeRules(IvRegimeConfig config) {
        this.config = config;
    }

    /**
     * @param atmIv today's XSP at-the-money IV as a fraction (0.15 = 15%)
     * @param recentIv the preceding daily IVs, oldest first (may be empty: no falling-from-high check)
     */
    public IvRegime classify(double atmIv, List<Double> recentIv) {
        if (!(atmIv > 0) || !Double.isFinite(atmIv)) {
            throw new IllegalArgumentException("atmIv must be positive and finite: " + atmIv);
        }
        int from = Math.max(0, recentIv.size() - config.fallingLookbackDays());
        double peak = recentIv.subList(from, recentIv.size()).stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
        if (peak >= config.fallingPeak() && peak - atmIv >= config.fallingMinDrop() - 1e-12) {
            return IvRegime.FALLING_FROM_HIGH;
        }
        if (atmIv < config.modestAbove()) {
            return IvRegime.CHEAP;
        }
        if (atmIv < config.coveredCallsAbove()) {
            return IvRegime.MODEST;
        }
        return IvRegime.RICH;
    }

    public IvRegimeConfig.RegimeAllowance allowance(IvRegime regime) {
        return config.allowance(regime);
    }
}
