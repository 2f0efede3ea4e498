package io.tailguard.pricing;

import io.tailguard.pricing.impl.NormalisedBlack;
import io.tailguard.pricing.impl.NormalisedBlackInversion;

/**
 * Black-Scholes-Merton implied volatility for European calls and puts, accurate to about 1e-13 in
 * volatility wherever the price determines the volatility to that precision, in two to four
 * iterations. Prices at or beyond the arbitrage bounds give {@link ImpliedVolResult.NoSolution}.
 *
 * <p>The price is normalised by {@code sqrt(F K)} and reduced by put-call symmetry to an
 * out-of-the-money call, which {@link NormalisedBlackInversion} inverts (a Householder scheme on the
 * branch structure of Jäckel's "Let's Be Rational"). For an in-the-money option the intrinsic value
 * is subtracted first: the digits of the time value lost in that subtraction are the price's own
 * conditioning, and no solver can recover them; the round trip then reproduces the price instead.
 */
public final class BlackImpliedVolatility {

    /** The shared instance; the solver holds no state. */
    public static final BlackImpliedVolatility DEFAULT = new BlackImpliedVolatility();

    private static final double BOUND_ULPS = 4.0;

    private BlackImpliedVolatility() {
    }

    /**
     * Implied volatility of a European option from its present value.
     *
     * @param price present value per unit of underlying
     * @param option the option
     * @param spot spot price of the underlying
     * @param rate continuously compounded risk-free rate
     * @param dividendYield continuous dividend yield
     */
    public ImpliedVolResult impliedVolatility(
            double price, VanillaOption option, double spot, double rate, double dividendYield) {
        if (!(spot > 0) || !Double.isFinite(spot) || !Double.isFinite(rate) || !Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("spot, rate and dividendYield must be finite and spot positive");
        }
        double expiry = option.expiryYears();
        double forward = spot * Math.exp((rate - dividendYield) * expiry);
        return fromForwardPrice(price * Math.exp(rate * expiry), forward, option.strike(), expiry, option.right());
    }

    /** Implied volatility of a European option from its present value and the market (volatility ignored). */
    public ImpliedVolResult impliedVolatility(double price, VanillaOption option, OptionMarket market) {
        return impliedVolatility(price, option, market.spot(), market.rate(), market.dividendYield());
    }

    /**
     * Implied volatility from an undiscounted (forward) option price, the Black-76 form.
     *
     * @param forwardPrice option price divided by the discount factor to expiry
     */
    public ImpliedVolResult fromForwardPrice(
            double forwardPrice, double forward, double strike, double expiryYears, PutCall right) {
        if (!(forward > 0) || !(strike > 0) || !Double.isFinite(forward) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("forward and strike must be positive and finite");
        }
        if (!Double.isFinite(forwardPrice)) {
            return new ImpliedVolResult.NoSolution(ImpliedVolResult.Reason.PRICE_NOT_FINITE, "price " + forwardPrice);
        }
        if (!(expiryYears > 0)) {
            return new ImpliedVolResult.NoSolution(ImpliedVolResult.Reason.EXPIRED, "expiry " + expiryYears);
        }
        double x = Math.log(forward / strike);
        int theta = right.sign();
        double scale = Math.sqrt(forward * strike);
        double beta = forwardPrice / scale;
        // rounding in the caller's price and in ours: a few ulps from a bound is at the bound
        double noise = BOUND_ULPS * Math.ulp(beta);
        // in the money (theta x > 0): take off the normalised intrinsic value 2 sinh(|x|/2)
        if (theta * x > 0) {
            beta -= NormalisedBlack.intrinsic(Math.abs(x));
        }
        double otmX = -Math.abs(x);
        if (!(beta > noise)) {
            return new ImpliedVolResult.NoSolution(ImpliedVolResult.Reason.PRICE_AT_OR_BELOW_INTRINSIC,
                    "price " + forwardPrice + " is not above the intrinsic value " + Math.max(theta * (forward - strike), 0.0));
        }
        double upperBound = Math.exp(0.5 * otmX);
        if (!(beta < upperBound - BOUND_ULPS * Math.ulp(upperBound))) {
            return new ImpliedVolResult.NoSolution(ImpliedVolResult.Reason.PRICE_AT_OR_ABOVE_MAXIMUM,
                    "price " + forwardPrice + " is not below the upper bound " + (theta > 0 ? forward : strike));
        }
        NormalisedBlackInversion.Root root = NormalisedBlackInversion.solve(beta, otmX);
        return new ImpliedVolResult.Solved(root.totalVolatility() / Math.sqrt(expiryYears), root.iterations());
    }
}
