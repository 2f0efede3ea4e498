package io.tailguard.pricing.montecarlo;

import java.util.Arrays;

/**
 * The full simulated P&amp;L of one structure, hedged and unhedged side by side, path by path, with
 * the statistics. Sorted copies serve charts (histograms, payoff curves).
 */
public final class PayoffDistribution {

    private final StructureStatistics statistics;
    private final double[] hedgedPnl;
    private final double[] unhedgedPnl;

    PayoffDistribution(StructureStatistics statistics, double[] hedgedPnl, double[] unhedgedPnl) {
        this.statistics = statistics;
        this.hedgedPnl = hedgedPnl;
        this.unhedgedPnl = unhedgedPnl;
    }

    public StructureStatistics statistics() {
        return statistics;
    }

    public HedgeStructure structure() {
        return statistics.structure();
    }

    public int pathCount() {
        return hedgedPnl.length;
    }

    /** P&amp;L of the structure on one path (the paths of the scenarios it was evaluated on). */
    public double hedgedPnl(int path) {
        return hedgedPnl[path];
    }

    /** P&amp;L of the unhedged shares on one path. */
    public double unhedgedPnl(int path) {
        return unhedgedPnl[path];
    }

    /** The structure's P&amp;L sample, ascending. */
    public double[] sortedHedgedPnl() {
        double[] copy = hedgedPnl.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The unhedged P&amp;L sample, ascending. */
    public double[] sortedUnhedgedPnl() {
        double[] copy = unhedgedPnl.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Standard error of the mean hedged P&amp;L. */
    public double standardErrorOfExpectedHedged() {
        return standardError(hedgedPnl);
    }

    private static double standardError(double[] sample) {
        double mean = 0;
        for (double v : sample) {
            mean += v;
        }
        mean /= sample.length;
        double squares = 0;
        for (double v : sample) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (sample.length - 1.0) / sample.length);
    }
}
