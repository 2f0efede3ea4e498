package io.tailguard.hedge;

import java.util.Objects;

/**
 * The implied-volatility regimes of XSP at-the-money IV and what each allows. Below {@code modestAbove}
 * (13.5%) hedging is cheap; up to {@code coveredCallsAbove} (17%) a modest compromise; at and above it,
 * covered UPRO calls may finance the puts. When IV has come down from a peak at or above
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
     */
    public record RegimeAllowance(boolean shortCalls, double hedgeRatioScale, double toleranceScale) {
        public RegimeAllowance {
            if (!(hedgeRatioScale > 0 && hedgeRatioScale <= 2)) {
                throw new IllegalArgumentException("hedgeRatioScale: must be in (0, 2], was " + hedgeRatioScale);
            }
            if (!(toleranceScale >= 1 && toleranceScale <= 5)) {
                throw new IllegalArgumentException("toleranceScale: must be in [1, 5], was " + toleranceScale);
            }
        }
    }
}
