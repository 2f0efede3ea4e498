package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.PnlStatistics;

/** How the loss tolerance is measured on a simulated weekly P&amp;L distribution. */
public enum LossMeasure {
    /** The 5th percentile of P&amp;L must not be below minus the tolerance. */
    P5,
    /** The mean of the worst 5% (CVaR 5%) must not be below minus the tolerance: stricter than P5. */
    CVAR5;

    /** The loss figure (negative = loss) this measure reads from the statistics. */
    public double of(PnlStatistics stats) {
        return this == P5 ? stats.percentile5() : stats.cvar5();
    }
}
