package io.tailguard.pricing.montecarlo;

/**
 * A daily-reset leveraged ETF on the index: each day it returns {@code leverage} times the index's
 * simple return minus its daily drag (expense ratio plus the financing of the borrowed exposure), and
 * it cannot fall below zero. Compounding the daily reset over a week is what models volatility decay.
 *
 * @param leverage 3 for UPRO
 * @param annualDrag yearly cost, e.g. expense ratio 0.0091 plus financing (leverage - 1) * (short rate + spread)
 */
public record LeveragedEtf(double leverage, double annualDrag) {

    public LeveragedEtf {
        if (!(leverage > 0) || !Double.isFinite(leverage)) {
            throw new IllegalArgumentException("leverage must be positive and finite: " + leverage);
        }
        if (!Double.isFinite(annualDrag)) {
            throw new IllegalArgumentException("annualDrag must be finite: " + annualDrag);
        }
    }

    /** UPRO (3x) with the given yearly drag. */
    public static LeveragedEtf upro(double annualDrag) {
        return new LeveragedEtf(3.0, annualDrag);
    }

    /** The drag charged per trading day. */
    public double dailyDrag() {
        return annualDrag / DailyReturnModel.TRADING_DAYS_PER_YEAR;
    }

    /** The ETF's one-day growth factor for an index simple return. */
    public double dailyFactor(double indexSimpleReturn) {
        return Math.max(1.0 + leverage * indexSimpleReturn - dailyDrag(), 0.0);
    }
}
