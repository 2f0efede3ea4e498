package io.tailguard.signals;

import io.tailguard.config.Require;

import java.util.List;

/**
 * How an XSP implied volatility is classified into a {@link VolatilityRegime}: the one rule, used by the volatility
 * layer on the broker's daily IV and by the weekly roll when it has no fresh snapshot and classifies the live chain.
 * <ul>
 *   <li>FALLING_FROM_HIGH when the highest IV of the {@code fallingLookbackDays} sessions before today reached
 *       {@code fallingPeakAtLeast} and today's is at least {@code fallingMinDrop} below that peak: after a spike
 *       options stay dear while the crash risk recedes (and the index tends to rebound), so the hedge can be
 *       lighter. It takes precedence over the level.</li>
 *   <li>otherwise by level: below {@code modestFrom} CHEAP, below {@code richFrom} MODEST, from it RICH (each
 *       threshold belongs to the regime above it: 13.5% is MODEST, 17% is RICH).</li>
 * </ul>
 * Implied volatilities are fractions (0.135 = 13.5%).
 */
public record VolatilityRegimeRule(double modestFrom, double richFrom, double fallingPeakAtLeast,
        double fallingMinDrop, int fallingLookbackDays) {
    /** Closes are quoted to four decimals: a drop that equals the threshold in print counts as reaching it. */
    private static final double EPSILON = 1e-12;

    public VolatilityRegimeRule {
        Require.fraction(modestFrom, "volatility.regime.modestFrom");
        Require.fraction(richFrom, "volatility.regime.richFrom");
        Require.fraction(fallingPeakAtLeast, "volatility.regime.fallingPeakAtLeast");
        if (!(modestFrom > 0 && modestFrom < richFrom && richFrom < fallingPeakAtLeast)) {
            throw new IllegalArgumentException("volatility.regime: need 0 < modestFrom < richFrom < fallingPeakAtLeast,"
                    + " were " + modestFrom + ", " + richFrom + ", " + fallingPeakAtLeast);
        }
        if (!(fallingMinDrop > 0 && fallingMinDrop < fallingPeakAtLeast)) {
            throw new IllegalArgumentException("volatility.regime.fallingMinDrop must be above 0 and below "
                    + "fallingPeakAtLeast but was " + fallingMinDrop);
        }
        Require.atLeast(fallingLookbackDays, 1, "volatility.regime.fallingLookbackDays");
    }

    /**
     * @param iv today's XSP implied volatility
     * @param preceding the daily IVs of the sessions before today, oldest first (may be empty: no fall is seen)
     */
    public VolatilityRegime classify(double iv, List<Double> preceding) {
        if (!(iv > 0) || !Double.isFinite(iv)) {
            throw new IllegalArgumentException("implied volatility must be positive and finite: " + iv);
        }
        double peak = peak(preceding);
        if (peak >= fallingPeakAtLeast && peak - iv >= fallingMinDrop - EPSILON) {
            return VolatilityRegime.FALLING_FROM_HIGH;
        }
        if (iv < modestFrom) {
            return VolatilityRegime.CHEAP;
        }
        return iv < richFrom ? VolatilityRegime.MODEST : VolatilityRegime.RICH;
    }

    /** The highest of the last {@code fallingLookbackDays} values; NaN when there are none. */
    public double peak(List<Double> preceding) {
        int from = Math.max(0, preceding.size() - fallingLookbackDays);
        return preceding.subList(from, preceding.size()).stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
    }
}
