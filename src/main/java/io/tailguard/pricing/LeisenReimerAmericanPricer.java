package io.tailguard.pricing;

import io.tailguard.pricing.impl.LeisenReimerTree;

/**
 * American options (UPRO calls and puts) on a Leisen-Reimer binomial tree with a continuous
 * dividend yield. Delta and gamma come from the tree's first layers; vega, rho and theta by central
 * bump-and-reprice, which is smooth because the tree keeps the strike at its centre.
 *
 * <p>For a call on an underlying with no dividend yield early exercise is never optimal and the price
 * equals the European one; with a yield (or for puts) the early-exercise premium is in the price.
 */
public final class LeisenReimerAmericanPricer implements VanillaOptionPricer {

    /** 301 steps: prices within about 1e-5 of spot for weekly to one-year options. */
    public static final LeisenReimerAmericanPricer DEFAULT = new LeisenReimerAmericanPricer(301);

    private static final double VOL_BUMP = 1e-4;
    private static final double RATE_BUMP = 1e-5;
    private static final double TIME_BUMP_YEARS = 1.0 / 3650.0;

    private final int steps;

    private LeisenReimerAmericanPricer(int steps) {
        this.steps = steps;
    }

    /** A pricer with its own number of tree steps (rounded up to odd). */
    public static LeisenReimerAmericanPricer withSteps(int steps) {
        if (steps < 3) {
            throw new IllegalArgumentException("steps must be at least 3: " + steps);
        }
        return new LeisenReimerAmericanPricer(steps);
    }

    public int steps() {
        return steps;
    }

    @Override
    public double price(VanillaOption option, OptionMarket market) {
        double[] out = new double[3];
        tree(option, market, option.expiryYears(), market.rate(), market.volatility(), out);
        return out[0];
    }

    @Override
    public PriceAndGreeks greeks(VanillaOption option, OptionMarket market) {
        double[] out = new double[3];
        tree(option, market, option.expiryYears(), market.rate(), market.volatility(), out);
        double price = out[0];
        double delta = out[1];
        double gamma = out[2];
        double vol = market.volatility();
        double volDown = Math.max(vol - VOL_BUMP, 0.0);
        double vega = (priceAt(option, market, option.expiryYears(), market.rate(), vol + VOL_BUMP)
                - priceAt(option, market, option.expiryYears(), market.rate(), volDown)) / (vol + VOL_BUMP - volDown);
        double rho = (priceAt(option, market, option.expiryYears(), market.rate() + RATE_BUMP, vol)
                - priceAt(option, market, option.expiryYears(), market.rate() - RATE_BUMP, vol)) / (2 * RATE_BUMP);
        double expiry = option.expiryYears();
        double shorter = Math.max(expiry - TIME_BUMP_YEARS, 0.0);
        double theta = -(priceAt(option, market, expiry + TIME_BUMP_YEARS, market.rate(), vol)
                - priceAt(option, market, shorter, market.rate(), vol)) / (expiry + TIME_BUMP_YEARS - shorter);
        return new PriceAndGreeks(price, delta, gamma, vega, theta, rho);
    }

    private double priceAt(VanillaOption option, OptionMarket market, double expiry, double rate, double vol) {
        double[] out = new double[3];
        tree(option, market, expiry, rate, vol, out);
        return out[0];
    }

    private void tree(VanillaOption option, OptionMarket market, double expiry, double rate, double vol, double[] out) {
        LeisenReimerTree.priceDeltaGamma(market.spot(), option.strike(), expiry, rate, market.dividendYield(), vol,
                option.right().sign(), true, steps, out);
    }
}
