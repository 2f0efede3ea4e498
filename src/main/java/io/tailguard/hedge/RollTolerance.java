package io.tailguard.hedge;

/**
 * The loss tolerance of one roll: the strategy's {@code lossTolerance.fractionOfPosition} of the UPRO
 * position's value, scaled by the regime's {@code toleranceScale}. One conversion between the fraction a
 * trader writes in the strategy file and the USD figure the optimizer tests, both ways.
 *
 * @param fractionOfPosition as in the strategy file (0.027 = 2.7%)
 * @param positionUsd the shares analysed times the UPRO price
 * @param regimeScale the regime's {@code toleranceScale} (1 unless the regime accepts more loss)
 */
public record RollTolerance(double fractionOfPosition, double positionUsd, double regimeScale) {
    /** The strategy file's fractions are read to the basis point when a figure is proposed for it. */
    private static final double BASIS_POINT = 1e-4;

    public RollTolerance {
        if (!(fractionOfPosition > 0 && fractionOfPosition < 1)) {
            throw new IllegalArgumentException("fractionOfPosition must be in (0, 1): " + fractionOfPosition);
        }
        if (!(positionUsd > 0) || !Double.isFinite(positionUsd)) {
            throw new IllegalArgumentException("positionUsd must be positive: " + positionUsd);
        }
        if (!(regimeScale >= 1)) {
            throw new IllegalArgumentException("regimeScale must be >= 1: " + regimeScale);
        }
    }

    /** The tolerance in USD the optimizer holds the loss measure to. */
    public double usd() {
        return usdAt(fractionOfPosition);
    }

    /**
     * The smallest fraction, in whole basis points (a figure a trader can write into the strategy file),
     * whose tolerance reaches {@code lossUsd}; one basis point less falls short of it.
     */
    public RollTolerance covering(double lossUsd) {
        if (!(lossUsd > 0) || !Double.isFinite(lossUsd)) {
            throw new IllegalArgumentException("lossUsd must be positive: " + lossUsd);
        }
        long bp = (long) Math.ceil(lossUsd / (positionUsd * regimeScale) / BASIS_POINT);
        // the division and the products round: step until the figure is on the right side of lossUsd
        while (bp > 1 && usdAt((bp - 1) / 10_000.0) >= lossUsd) {
            bp--;
        }
        while (usdAt(bp / 10_000.0) < lossUsd) {
            bp++;
        }
        if (bp >= 10_000) {
            throw new IllegalArgumentException("no fraction below the whole position covers " + lossUsd + " USD");
        }
        return new RollTolerance(bp / 10_000.0, positionUsd, regimeScale);
    }

    private double usdAt(double fraction) {
        return fraction * positionUsd * regimeScale;
    }
}
