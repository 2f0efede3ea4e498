package io.tailguard.hedge;

import java.util.Objects;

/**
 * The implied-volatility regimes of XSP at-the-money IV and what each allows. Below {@code modestAbove}
 * (13.5%) hedging is cheap: puts alone. From there to {@code coveredCallsAbove} (17%), "modestly
 * elevated": a week of at-the-money puts on the whole position costs about as much as the loss tolerance,
 * so covered UPRO calls on part of the shares pay for them (the default lets them cover at most half);
 * at and above it the calls may cover every share. When IV has come down from a peak at or above
 * {@code fallingPeak} (~30%) by at least {@code fallingMinDrop} within {@code fallingLookbackDays}, hedge less.
 */
public record IvRegimeConfig(
        double modestAbove, double coveredCallsAbove, double fallingPeak, double fallingMinDrop,
        int fallingLookbackDays, RegimeAllowance cheap, RegimeAllowance modest, RegimeAllowance rich,
        RegimeAllowance falling) {

    public IvRegimeConfig {
        if (!(modestAbove > 0 && modestAbove < coveredCallsAbove && coveredCallsAbove < fallingPeak && fallingPeak < 2)) {
            throw new IllegalArgumentException("regimes: need 0 < modestAbove < coveredCallsAbove < fallingPeak, were "
                    + modestAbove + ", " + coveredCallsAbove + ", " + fallingPeak);
        }
        if (!(fallingMinDrop > 0)) {
            throw new IllegalArgumentException("regimes.fallingMinDrop: must be > 0, was " + fallingMinDrop);
        }
        if (fallingLookbackDays < 1) {
            throw new IllegalArgumentException("regimes.fallingLookbackDays: must be >= 1, was " + fallingLookbackDays);
        }
        Objects.requireNonNull(cheap, "regimes.cheap");
        Objects.requireNonNull(modest, "regimes.modest");
        Objects.requireNonNull(rich, "regimes.rich");
        Objects.requireNonNull(falling, "regimes.falling");
    }

    public RegimeAllowance allowance(IvRegime regime) {
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
    }
}
