package io.tailguard.broker.sim.market;

import java.time.Instant;

/**
 * Every quoted level at one point of the path, and the ATM vol by tenor (the model's, or the
 * scripted override's). VIX, VIX9D and VIX3M are read off the same ATM curve as the options, so a
 * vol override moves them together.
 */
record MarketLevels(
        MarketPoint point,
        double spx,
        double upro,
        double spy,
        double yieldPct,
        VolSurface surface,
        VolOverride override,
        double dividendYield) {

    static MarketLevels at(MarketPoint p, VolSurface surface, VolOverride override, double dividendYield) {
        double spy = p.spx() / 10 * SpyDividends.accrualFactor(p.day().date(), dividendYield);
        return new MarketLevels(p, p.spx(), p.upro(), spy, p.yieldPct(), surface, override, dividendYield);
    }

    Instant marketTime() {
        return point.marketTime();
    }

    /** SPX ATM implied vol for a tenor in years. */
    double atmVol(double years) {
        var forced = override.atmVolAt(marketTime());
        return forced.isPresent() ? forced.getAsDouble() : surface.atmVol(point.variance(), years);
    }

    /** A Cboe vol index of the given tenor in calendar days (VIX 30, VIX9D 9, VIX3M 93). */
    double volIndex(int tenorDays) {
        return 100 * VolSurface.VIX_OVER_ATM * atmVol(tenorDays / 365.0);
    }

    /** The risk-free rate for option pricing: the 10-year yield (flat curve). */
    double rate() {
        return yieldPct / 100;
    }

    double level(Underlying u) {
        return switch (u) {
            case SPX -> spx;
            case XSP -> spx / 10;
            case UPRO -> upro;
            case SPY -> spy;
            case VIX -> volIndex(30);
            case VIX9D -> volIndex(9);
            case VIX3M -> volIndex(93);
            case TNX -> 10 * yieldPct;
        };
    }
}
