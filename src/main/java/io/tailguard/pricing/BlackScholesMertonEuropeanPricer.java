package io.tailguard.pricing;

import io.tailguard.pricing.impl.BlackScholesFormulas;

/**
 * European options (XSP, SPX) under Black-Scholes-Merton with a continuous dividend yield. Prices
 * keep their relative accuracy deep out of the money, which is what makes the implied volatility
 * round trip exact to ~1e-13 (see {@link BlackImpliedVolatility}).
 */
public final class BlackScholesMertonEuropeanPricer implements VanillaOptionPricer {

    /** The shared instance; the pricer holds no state. */
    public static final BlackScholesMertonEuropeanPricer DEFAULT = new BlackScholesMertonEuropeanPricer();

    private BlackScholesMertonEuropeanPricer() {
    }

    @Override
    public double price(VanillaOption option, OptionMarket market) {
        return BlackScholesFormulas.price(market.spot(), option.strike(), option.expiryYears(), market.rate(),
                market.dividendYield(), market.volatility(), option.right().sign());
    }

    @Override
    public PriceAndGreeks greeks(VanillaOption option, OptionMarket market) {
        double[] out = new double[6];
        BlackScholesFormulas.priceAndGreeks(market.spot(), option.strike(), option.expiryYears(), market.rate(),
                market.dividendYield(), market.volatility(), option.right().sign(), out);
        return new PriceAndGreeks(out[0], out[1], out[2], out[3], out[4], out[5]);
    }
}
