package io.tailguard.broker.sim.market;

import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import io.tailguard.pricing.BlackScholesMertonEuropeanPricer;
import io.tailguard.pricing.LeisenReimerAmericanPricer;
import io.tailguard.pricing.OptionMarket;
import io.tailguard.pricing.PutCall;
import io.tailguard.pricing.VanillaOption;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Quotes an option off the surface: model price and greeks from {@code io.tailguard.pricing} at the
 * surface vol (Black-Scholes-Merton for SPX/SPXW/XSP; Leisen-Reimer American for UPRO puts and SPY;
 * UPRO calls are priced European, which is exact for a call on an underlying that pays no
 * dividend, as the sim's UPRO does not), and a
 * bid/ask around it whose width grows with the vol level and the distance from the money, rounded
 * outward onto the class's market rule so that bid ≤ model ≤ ask always holds.
 */
final class OptionQuoter {

    private static final double YEAR_MILLIS = 365.0 * 24 * 3600 * 1000;
    /** Half-spread as a share of the model price at a 16 % vol. */
    private static final double SPREAD_SHARE = 0.005;
    /** Extra half-spread in ticks per unit of standardized moneyness (far strikes quote wider). */
    private static final double TICKS_PER_MONEYNESS = 0.5;

    /**
     * 61 Leisen-Reimer steps: LR converges as 1/n², so this is within a fraction of a cent of the
     * converged price for weekly to two-month options, and fast enough for a 400-option burst.
     */
    private static final LeisenReimerAmericanPricer AMERICAN = LeisenReimerAmericanPricer.withSteps(61);

    private OptionQuoter() {
    }

    private static io.tailguard.pricing.PriceAndGreeks atExpiry(VanillaOption option, double s) {
        double value = option.right().intrinsic(s, option.strike());
        double delta = value > 0 ? option.right().sign() : 0;
        return new io.tailguard.pricing.PriceAndGreeks(value, delta, 0, 0, 0, 0);
    }

    /** Time to settlement: the close of the expiry day (the opening prints for AM-settled SPX). */
    static double yearsToSettlement(Instant marketTime, Instant settlement) {
        return Math.max(0, Duration.between(marketTime, settlement).toMillis() / YEAR_MILLIS);
    }

    static Quote quote(OptionClass cls, double strike, OptionRight right, Instant settlement, MarketLevels m,
            long sizeSeed, Instant now) {
        double s = m.level(cls.underlying());
        double t = yearsToSettlement(m.marketTime(), settlement);
        double r = m.rate();
        double q = cls.underlying() == Underlying.UPRO ? 0 : m.dividendYield();
        double leverage = cls.underlying() == Underlying.UPRO ? 3 : 1;
        double atm = leverage * m.atmVol(t);
        double forward = s * Math.exp((r - q) * t);
        double sigma = VolSurface.vol(atm, t, forward, strike);
        boolean call = right == OptionRight.CALL;
        boolean european = !cls.american() || (call && q == 0);
        VanillaOption option = new VanillaOption(call ? PutCall.CALL : PutCall.PUT, strike, t);
        OptionMarket market = new OptionMarket(s, r, q, sigma);
        io.tailguard.pricing.PriceAndGreeks res = t <= 0 ? atExpiry(option, s)
                : (european ? BlackScholesMertonEuropeanPricer.DEFAULT : AMERICAN).greeks(option, market);

        MarketRule rule = MarketRules.require(cls.marketRuleId());
        double model = res.price();
        double x = Math.abs(VolSurface.moneyness(atm, t, forward, strike));
        double tick = rule.incrementAt(model);
        double half = tick * (1 + TICKS_PER_MONEYNESS * Math.min(x, 6)) + model * SPREAD_SHARE * (atm / leverage / 0.16);
        double bid = Math.max(0, model - half);
        bid = bid <= 0 ? 0 : rule.round(bid, RoundingMode.FLOOR).doubleValue();
        double ask = rule.round(model + half, RoundingMode.CEILING).doubleValue();
        double last = rule.round(model, RoundingMode.HALF_UP).doubleValue();
        long h = mix(sizeSeed);
        double bidSize = 1 + Math.floorMod(h, 60);
        double askSize = 1 + Math.floorMod(h >>> 16, 60);
        double lastSize = 1 + Math.floorMod(h >>> 32, 10);
        // IB's units: vega per vol point, theta per calendar day.
        OptionGreeks greeks = new OptionGreeks(sigma, res.delta(), res.gamma(), res.vega() / 100, res.thetaPerDay(),
                model, s);
        return new Quote(bid, ask, last, bidSize, askSize, lastSize, greeks, false, now);
    }

    /** A stock quote a penny wide around the level, sizes in round lots. */
    static Quote stockQuote(double level, long sizeSeed, Instant now) {
        double ask = Math.ceil(level * 100 - 1e-9) / 100;
        double bid = Math.round((ask - 0.01) * 100) / 100.0;
        ask = Math.round(ask * 100) / 100.0;
        long h = mix(sizeSeed);
        return new Quote(bid, ask, Math.round(level * 100) / 100.0, 100 * (1 + Math.floorMod(h, 30)),
                100 * (1 + Math.floorMod(h >>> 16, 30)), 100, OptionGreeks.NONE, false, now);
    }

    /** An index has no bid or ask, only its value (IB sends -1 for the sides). */
    static Quote indexQuote(double level, Instant now) {
        return new Quote(Double.NaN, Double.NaN, Math.round(level * 100) / 100.0, 0, 0, 0, OptionGreeks.NONE, false,
                now);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
