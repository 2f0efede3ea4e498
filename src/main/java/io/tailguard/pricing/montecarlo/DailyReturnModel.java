package io.tailguard.pricing.montecarlo;

import java.util.SplittableRandom;

/**
 * How one trading day's S&amp;P 500 log return is drawn: from a fat-tailed distribution scaled to an
 * implied volatility, or by bootstrapping a history. Each carries the volatility scenario knob.
 */
public sealed interface DailyReturnModel permits StudentTDailyReturns, BootstrapDailyReturns {

    /** Trading days per year: the clock that turns annual volatility into daily volatility. */
    double TRADING_DAYS_PER_YEAR = 252.0;

    /** One daily log return of the index (for occasional draws; loops should hold a {@link #sampler()}). */
    default double nextLogReturn(SplittableRandom random) {
        return sampler().nextLogReturn(random);
    }

    /**
     * A sampler with the model's constants worked out once, for the simulation's inner loop. It draws
     * exactly the same numbers as {@link #nextLogReturn} from the same random stream.
     */
    Sampler sampler();

    /** Draws daily log returns. */
    @FunctionalInterface
    interface Sampler {
        double nextLogReturn(SplittableRandom random);
    }
}
