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
   */
  static PnlStatistics of(double[] pnl, int n, double lossTolerance, double[] scratch) {
    double sum = 0;
    double worst = Double.POSITIVE_INFINITY;
    double best = Double.NEGATIVE_INFINITY;
    int wins = 0;
    int beyond = 0;
    double lossLine = -lossTolerance;
    for (int i = 0; i < n; i++) {
      double v = pnl[i];
      sum += v;
      worst = Math.min(worst, v);
      best = Math.max(best, v);
      wins += v > 0 ? 1 : 0;
      beyond += v < lossLine ? 1 : 0;
    }
    int k = tailCount(n);
    System.arraycopy(pnl, 0, scratch, 0, n);
    double percentile5 = TailSelection.select(scratch, n, k - 1);
    double tailSum = 0;
    for (int i = 0; i < k; i++) {
      tailSum += scratch[i];
    }
    // selection leaves the k smallest in front in an order that depends only on the data
    double cvar5 = Math.min(tailSum / k, percentile5);
    return new PnlStatistics(sum / n, percentile5, Math.max(cvar5, worst), worst, best, (double) wins / n,
        (double) beyond / n, lossTolerance, n);
  }
}
