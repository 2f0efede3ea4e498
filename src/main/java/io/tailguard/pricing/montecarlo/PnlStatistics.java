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
    double[] probe = new double[SUBSAMPLE];
    int stride = Math.max(1, n / SUBSAMPLE);
    for (int i = 0; i < SUBSAMPLE && i * stride < n; i++) {
      probe[i] = pnl[i * stride];
    }
    double threshold = tailThreshold(probe, n);
    Accumulator acc = new Accumulator(lossTolerance, threshold, scratch);
    for (int i = 0; i < n; i++) {
      acc.add(pnl[i]);
    }
    if (acc.needsWholeSample(n)) {
      System.arraycopy(pnl, 0, scratch, 0, n);
    }
    return acc.finish(n);
  }

  /** Size of the fixed-stride subsample that sets the gathering threshold. */
  static final int SUBSAMPLE = 2048;

  /**
   * From a fixed-stride subsample of {@value #SUBSAMPLE} values (overwritten), a value expected to
   * have about 1.5 k of the n values at or below it; +infinity when the sample is too small to bother.
   */
  static double tailThreshold(double[] probe, int n) {
    if (n < 8 * SUBSAMPLE) {
      return Double.POSITIVE_INFINITY;
    }
    int k = tailCount(n);
    int rank = (int) Math.min(SUBSAMPLE - 1L, Math.round(1.5 * k * (double) SUBSAMPLE / n) + 16);
    return TailSelection.select(probe, SUBSAMPLE, rank);
  }

  /** One pass over a P&amp;L sample: moments, counts, and the values under the threshold. */
  static final class Accumulator {
    private final double lossLine;
    private final double lossTolerance;
    private final double threshold;
    private final double[] scratch;
    private double sum;
    private double worst = Double.POSITIVE_INFINITY;
    private double best = Double.NEGATIVE_INFINITY;
    private int wins;
    private int beyond;
    private int gathered;
    private boolean whole;

    Accumulator(double lossTolerance, double threshold, double[] scratch) {
      this.lossTolerance = lossTolerance;
      this.lossLine = -lossTolerance;
      this.threshold = threshold;
      this.scratch = scratch;
    }

    void add(double v) {
      sum += v;
      worst = Math.min(worst, v);
      best = Math.max(best, v);
      wins += v > 0 ? 1 : 0;
      beyond += v < lossLine ? 1 : 0;
      if (v <= threshold) {
        scratch[gathered++] = v;
      }
    }

    /** True when too few values were gathered: the caller must then put all n values in scratch. */
    boolean needsWholeSample(int n) {
      whole = gathered < tailCount(n);
      return whole;
    }

    PnlStatistics finish(int n) {
      int k = tailCount(n);
      int candidates = whole ? n : gathered;
      double percentile5 = TailSelection.select(scratch, candidates, k - 1);
      double tailSum = 0;
      for (int i = 0; i < k; i++) {
        tailSum += scratch[i];
      }
      double cvar5 = Math.max(Math.min(tailSum / k, percentile5), worst);
      return new PnlStatistics(sum / n, percentile5, cvar5, worst, best, (double) wins / n,
          (double) beyond / n, lossTolerance, n);
    }
  }
}
