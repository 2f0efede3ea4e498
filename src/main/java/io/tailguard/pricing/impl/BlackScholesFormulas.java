package io.tailguard.pricing.impl;

/**
 * Black-Scholes-Merton with a continuous dividend yield: price and first-order greeks as static
 * formulas. Inputs are spot S, strike K, time T in years, rate r, dividend yield q, volatility sigma,
 * and theta = +1 for a call, -1 for a put.
 *
 * <p>The price goes through {@link NormalisedBlack}, so deep out-of-the-money prices keep their
 * relative accuracy (which the implied volatility needs); greeks use the textbook closed forms.
 * Theta is the change per year of calendar time (-dV/dT); vega and rho are per unit of volatility and
 * rate (not per percentage point).
 */
public final class BlackScholesFormulas {

    private BlackScholesFormulas() {
    }

    /** Forward price of the underlying. */
    public static double forward(double spot, double expiry, double rate, double dividendYield) {
        return spot * Math.exp((rate - dividendYield) * expiry);
    }

    /** Discounted option price. */
    public static double price(
            double spot, double strike, double expiry, double rate, double dividendYield, double vol, int theta) {
        double forward = forward(spot, expiry, rate, dividendYield);
        double discount = Math.exp(-rate * expiry);
        double s = vol * Math.sqrt(expiry);
        if (!(s > 0)) {
            return discount * Math.max(theta * (forward - strike), 0.0);
        }
        double x = Math.log(forward / strike);
        return discount * Math.sqrt(forward * strike) * NormalisedBlack.price(x, s, theta);
    }

    /**
     * Price and greeks into {@code out}: price, delta, gamma, vega, theta, rho (in that order). At zero
     * time or zero volatility the option is its discounted forward intrinsic value and only delta and
     * rho are non-zero.
     */
    public static void priceAndGreeks(
            double spot, double strike, double expiry, double rate, double dividendYield, double vol, int theta,
            double[] out) {
        double dividendDiscount = Math.exp(-dividendYield * expiry);
        double discount = Math.exp(-rate * expiry);
        double sqrtT = Math.sqrt(expiry);
        double s = vol * sqrtT;
        out[0] = price(spot, strike, expiry, rate, dividendYield, vol, theta);
        if (!(s > 0)) {
            double forward = forward(spot, expiry, rate, dividendYield);
            boolean inTheMoney = theta * (forward - strike) > 0;
            out[1] = inTheMoney ? theta * dividendDiscount : 0.0;
            out[2] = 0.0;
            out[3] = 0.0;
            out[4] = inTheMoney ? theta * (dividendYield * spot * dividendDiscount - rate * strike * discount) : 0.0;
            out[5] = inTheMoney ? theta * strike * expiry * discount : 0.0;
            return;
        }
        double d1 = (Math.log(spot / strike) + (rate - dividendYield) * expiry) / s + 0.5 * s;
        double d2 = d1 - s;
        double nd1 = Gaussian.cdf(theta * d1);
        double nd2 = Gaussian.cdf(theta * d2);
        double density = Gaussian.pdf(d1);
        out[1] = theta * dividendDiscount * nd1;
        out[2] = dividendDiscount * density / (spot * s);
        out[3] = spot * dividendDiscount * density * sqrtT;
        out[4] = -spot * dividendDiscount * density * vol / (2.0 * sqrtT)
                - theta * rate * strike * discount * nd2
                + theta * dividendYield * spot * dividendDiscount * nd1;
        out[5] = theta * strike * expiry * discount * nd2;
    }
}
