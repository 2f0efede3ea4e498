package io.tailguard.pricing.montecarlo;

/**
 * Summary of a simulated P&amp;L sample, in USD over the holding period.
 *
 * <p>The 5th percentile is the k-th smallest outcome with k = ceil(5% of paths); CVaR 5% is the mean
 * of those k worst outcomes (expected shortfall). Both are P&amp;L values: losses are negative.
 *
 * @param expected mean P&amp;L
 * @param percentile5 5th percentile of P&amp;L
 * @param cvar5 mean of the worst 5% of outcomes
 * @param worst the smallest outcome
 * @param best the largest outcome
 * @param winRatio share of paths with P&amp;L &gt; 0
 * @param probabilityOfLossBeyondTolerance share of paths with P&amp;L &lt; -lossTolerance
 * @param lossTolerance the tolerance in USD (non-negative)
 * @param paths sample size
 */
public record PnlStatistics(
        double expected, double percentile5, double cvar5, double worst, double best, double winRatio,
        double probabilityOfLossBeyondTolerance, double lossTolerance, int paths) {

    /** The tail fraction of the percentile and the expected shortfall. */
    public static final double TAIL = 0.05;

    public PnlStatistics {
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be positive: " + paths);
        }
        if (!(lossTolerance >= 0)) {
            throw new IllegalArgumentException("lossTolerance must be non-negative: " + lossTolerance);
        }
        if (!(worst <= cvar5 && cvar5 <= percentile5 && percentile5 <= best)) {
            throw new IllegalArgumentException("inconsistent statistics: worst " + worst + ", cvar5 " + cvar5
                    + ", p5 " + percentile5 + ", best " + best);
        }
    }

    /** Number of outcomes in the 5% tail of a sample of n. */
    public static int tailCount(int n) {
        return Math.max(1, (int) Math.ceil(TAIL * n - 1e-9));
    }

    /**
     * Statistics of a sample. {@code scratch} (at least as long as the sample) is overwritten; the
     * sample is not modified.
     *
     * <p>Only the lowest 5% needs ordering. A fixed-stride subsample gives a threshold a little above
     * the 5th percentile; the pass that sums the sample also gathers the values under it into
     * {@code scratch}, and the selection runs on those few. If the threshold was too low (fewer than
     * k gathered) the selection runs on the whole sample. Either way the result is the exact order
     * statistic, and it depends only on the data.
     */
    static PnlStatistics of(double[] pnl, int n, double lossTolerance, double[] scratch) {
        int k = tailCount(n);
        double threshold = tailThreshold(pnl, n);
        double lossLine = -lossTolerance;
        double sum = 0;
        double worst = Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        int wins = 0;
        int beyond = 0;
        int gathered = 0;
        // branch-free counting: a win or a breach is as likely as not, so branches would mispredict;
        // the sign bit of (0 - v) is set exactly when v > 0 (0 - 0 is +0), of (v - line) when v < line
        for (int i = 0; i < n; i++) {
            double v = pnl[i];
            sum += v;
            worst = v < worst ? v : worst;
            best = v > best ? v : best;
            wins += (int) (Double.doubleToRawLongBits(0.0 - v) >>> 63);
            beyond += (int) (Double.doubleToRawLongBits(v - lossLine) >>> 63);
            scratch[gathered] = v;
            gathered += 1 - (int) (Double.doubleToRawLongBits(threshold - v) >>> 63);
        }
        if (gathered < k) {
            System.arraycopy(pnl, 0, scratch, 0, n);
            gathered = n;
        }
        double percentile5 = TailSelection.select(scratch, gathered, k - 1);
        double tailSum = 0;
        for (int i = 0; i < k; i++) {
            tailSum += scratch[i];
        }
        double cvar5 = Math.max(Math.min(tailSum / k, percentile5), worst);
        return new PnlStatistics(sum / n, percentile5, cvar5, worst, best, (double) wins / n,
                (double) beyond / n, lossTolerance, n);
    }

    /** Size of the fixed-stride subsample that sets the gathering threshold. */
    private static final int SUBSAMPLE = 2048;

    /**
     * From a fixed-stride subsample, a value expected to have about 1.5 k of the n values at or below
     * it; +infinity when the sample is too small to bother.
     */
    private static double tailThreshold(double[] pnl, int n) {
        if (n < 8 * SUBSAMPLE) {
            return Double.POSITIVE_INFINITY;
        }
        double[] probe = new double[SUBSAMPLE];
        int stride = n / SUBSAMPLE;
        for (int i = 0; i < SUBSAMPLE; i++) {
            probe[i] = pnl[i * stride];
        }
        int k = tailCount(n);
        int rank = (int) Math.min(SUBSAMPLE - 1L, Math.round(1.5 * k * (double) SUBSAMPLE / n) + 16);
        return TailSelection.select(probe, SUBSAMPLE, rank);
    }
}
