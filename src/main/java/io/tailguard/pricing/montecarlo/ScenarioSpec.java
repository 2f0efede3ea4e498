package io.tailguard.pricing.montecarlo;

/**
 * What to simulate on one roll: trading days to expiry, number of paths, seed, the index return model
 * and the leveraged ETF. The same spec and seed give the same paths on every run and machine.
 *
 * @param recordDailyPaths keep every day's levels (for tests and charts); terminal levels are always kept
 */
public record ScenarioSpec(
        int tradingDays, int pathCount, long seed, DailyReturnModel returns, LeveragedEtf etf, boolean recordDailyPaths) {

    public ScenarioSpec {
        if (tradingDays < 1) {
            throw new IllegalArgumentException("tradingDays must be at least 1: " + tradingDays);
        }
        if (pathCount < 1) {
            throw new IllegalArgumentException("pathCount must be at least 1: " + pathCount);
        }
        if (returns == null || etf == null) {
            throw new IllegalArgumentException("returns and etf must not be null");
        }
        if (recordDailyPaths && (long) tradingDays * pathCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many path-days to record: " + (long) tradingDays * pathCount);
        }
    }

    /** A weekly roll: the given days, terminal levels only. */
    public static ScenarioSpec of(int tradingDays, int pathCount, long seed, DailyReturnModel returns, LeveragedEtf etf) {
        return new ScenarioSpec(tradingDays, pathCount, seed, returns, etf, false);
    }

    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(tradingDays, pathCount, newSeed, returns, etf, recordDailyPaths);
    }

    public ScenarioSpec withReturns(DailyReturnModel newReturns) {
        return new ScenarioSpec(tradingDays, pathCount, seed, newReturns, etf, recordDailyPaths);
    }

    public ScenarioSpec withRecordDailyPaths(boolean record) {
        return new ScenarioSpec(tradingDays, pathCount, seed, returns, etf, record);
    }
}
