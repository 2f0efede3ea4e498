package io.tailguard.hedge;

import io.tailguard.signals.VolatilityRegime;
import java.util.Objects;

/**
 * What each XSP implied-volatility regime lets a roll trade ({@code regimes:} in
 * {@code strategies/weekly-xsp-hedge.yaml}). The regime itself, and its thresholds, are defined once, by the signal
 * layers ({@link io.tailguard.signals.VolatilityRegimeRule}, {@code strategies/signal-layers.yaml}). The shipped
 * strategy: CHEAP puts alone; MODEST ("modestly elevated": a week of at-the-money puts on the whole position costs
 * about as much as the loss tolerance) covered UPRO calls on at most half the shares to pay for part of them; RICH
 * calls on every share; FALLING_FROM_HIGH a lighter hedge.
 */
public record IvRegimeConfig(RegimeAllowance cheap, RegimeAllowance modest, RegimeAllowance rich,
        RegimeAllowance falling) {

    public IvRegimeConfig {
        Objects.requireNonNull(cheap, "regimes.cheap");
        Objects.requireNonNull(modest, "regimes.modest");
        Objects.requireNonNull(rich, "regimes.rich");
        Objects.requireNonNull(falling, "regimes.falling");
    }

    public RegimeAllowance allowance(VolatilityRegime regime) {
        return switch (regime) {
            case CHEAP -> cheap;
            case MODEST -> modest;
            case RICH -> rich;
            case FALLING_FROM_HIGH -> falling;
        };
    }

    /**
     * What a regime allows.
     *
     * @param shortCalls covered UPRO calls may be sold
     * @param hedgeRatioScale scales the largest put count searched (less hedge: below 1)
     * @param toleranceScale scales the loss tolerance (less hedge: above 1, more loss accepted)
     * @param maxCallCoverFraction the share of the UPRO shares the calls may cover in this regime, on top of
     *     {@code limits.maxCallCoverFraction} (the stricter applies); absent: 1, every share
     */
    public record RegimeAllowance(boolean shortCalls, double hedgeRatioScale, double toleranceScale,
            Double maxCallCoverFraction) {
        public RegimeAllowance {
            if (!(hedgeRatioScale > 0 && hedgeRatioScale <= 2)) {
                throw new IllegalArgumentException("hedgeRatioScale: must be in (0, 2], was " + hedgeRatioScale);
            }
            if (!(toleranceScale >= 1 && toleranceScale <= 5)) {
                throw new IllegalArgumentException("toleranceScale: must be in [1, 5], was " + toleranceScale);
            }
            maxCallCoverFraction = maxCallCoverFraction == null ? 1.0 : maxCallCoverFraction;
            if (!(maxCallCoverFraction >= 0 && maxCallCoverFraction <= 1)) {
                throw new IllegalArgumentException("maxCallCoverFraction: must be in [0, 1], was "
                        + maxCallCoverFraction);
            }
        }

        /** Calls, when allowed, may cover every share. */
        public RegimeAllowance(boolean shortCalls, double hedgeRatioScale, double toleranceScale) {
            this(shortCalls, hedgeRatioScale, toleranceScale, 1.0);
        }

        /**
         * The same structure at no less than the full hedge: the put count searched not scaled down and the
         * tolerance not widened (what a FULL hedge intensity, a stressed market, asks of any regime).
         */
        public RegimeAllowance atFullHedge() {
            return new RegimeAllowance(shortCalls, Math.max(1.0, hedgeRatioScale), 1.0, maxCallCoverFraction);
        }

        /** True when this regime hedges less than the full hedge (fewer puts searched or a wider tolerance). */
        public boolean lighterThanFull() {
            return hedgeRatioScale < 1.0 || toleranceScale > 1.0;
        }
    }
}
