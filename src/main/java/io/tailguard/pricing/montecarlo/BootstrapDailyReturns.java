package io.tailguard.pricing.montecarlo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Daily index log returns resampled with replacement from a history (see
 * {@code pricing.data.ReturnHistoryCsv}). The volatility knob scales each day's deviation from the
 * history's mean: {@code mean + multiplier * (r - mean)}, which keeps the empirical shape (fat tails,
 * skew) and the mean while stressing the spread.
 */
public final class BootstrapDailyReturns implements DailyReturnModel {

    private final double[] logReturns;
    private final double mean;
    private final double volatilityMultiplier;

    private BootstrapDailyReturns(double[] logReturns, double volatilityMultiplier) {
        this.logReturns = logReturns;
        this.volatilityMultiplier = volatilityMultiplier;
        double sum = 0;
        for (double r : logReturns) {
            sum += r;
        }
        this.mean = sum / logReturns.length;
    }

    /** Bootstraps daily log returns; the array is copied. */
    public static BootstrapDailyReturns ofLogReturns(double[] dailyLogReturns, double volatilityMultiplier) {
        if (dailyLogReturns == null || dailyLogReturns.length == 0) {
            throw new IllegalArgumentException("the return history must not be empty");
        }
        for (double r : dailyLogReturns) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("the return history contains a non-finite value: " + r);
            }
        }
        if (!(volatilityMultiplier >= 0) || !Double.isFinite(volatilityMultiplier)) {
            throw new IllegalArgumentException("volatilityMultiplier must be non-negative and finite: " + volatilityMultiplier);
        }
        return new BootstrapDailyReturns(dailyLogReturns.clone(), volatilityMultiplier);
    }

    /** Bootstraps daily simple returns (converted to log returns; each must exceed -100%). */
    public static BootstrapDailyReturns ofSimpleReturns(double[] dailySimpleReturns, double volatilityMultiplier) {
        double[] logs = new double[dailySimpleReturns.length];
        for (int i = 0; i < logs.length; i++) {
            if (!(dailySimpleReturns[i] > -1.0)) {
                throw new IllegalArgumentException("a simple return must exceed -1: " + dailySimpleReturns[i]);
            }
            logs[i] = Math.log1p(dailySimpleReturns[i]);
        }
        return ofLogReturns(logs, volatilityMultiplier);
    }

    public BootstrapDailyReturns withVolatilityMultiplier(double multiplier) {
        return ofLogReturns(logReturns, multiplier);
    }

    public double volatilityMultiplier() {
        return volatilityMultiplier;
    }

    public int historyLength() {
        return logReturns.length;
    }

    /** A copy of the history of daily log returns. */
    public double[] logReturns() {
        return logReturns.clone();
    }

    @Override
    public double nextLogReturn(SplittableRandom random) {
        double r = logReturns[random.nextInt(logReturns.length)];
        return mean + volatilityMultiplier * (r - mean);
    }

    @Override
    public Sampler sampler() {
        // the knob applied once to the whole history, not to every draw
        double[] scaled = new double[logReturns.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = mean + volatilityMultiplier * (logReturns[i] - mean);
        }
        return random -> scaled[random.nextInt(scaled.length)];
    }

    @Override
    public String toString() {
        return "BootstrapDailyReturns[days=" + logReturns.length + ", mean=" + mean
                + ", volatilityMultiplier=" + volatilityMultiplier + ", head=" + Arrays.toString(
                        Arrays.copyOf(logReturns, Math.min(3, logReturns.length))) + "]";
    }
}
