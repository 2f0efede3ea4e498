package io.tailguard.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.pricing.ImpliedVolResult.NoSolution;
import io.tailguard.pricing.ImpliedVolResult.Reason;
import io.tailguard.pricing.ImpliedVolResult.Solved;
import io.tailguard.pricing.impl.NormalisedBlack;
import org.junit.jupiter.api.Test;

class BlackImpliedVolatilityTest {

    /** The stated accuracy: absolute, in volatility. */
    private static final double VOL_TOLERANCE = 1e-12;
    private static final BlackImpliedVolatility SOLVER = BlackImpliedVolatility.DEFAULT;
    private static final BlackScholesMertonEuropeanPricer PRICER = BlackScholesMertonEuropeanPricer.DEFAULT;
    private static final double SPOT = 580.0;
    private static final double RATE = 0.045;
    private static final double DIVIDEND = 0.013;
    private static final double FIVE_MINUTES = 5.0 / (365 * 24 * 60);

    @Test
    void roundTripsOnADenseGridOfMoneynessExpiryAndVolatility() {
        int solved = 0;
        int maxIterations = 0;
        for (double logMoneyness = -1.6; logMoneyness <= 1.6; logMoneyness += 0.04) {
            for (double expiry = FIVE_MINUTES; expiry <= 10.0; expiry *= 1.6) {
                for (double vol = 0.01; vol <= 4.0; vol *= 1.25) {
                    for (PutCall right : PutCall.values()) {
                        OptionMarket market = new OptionMarket(SPOT, RATE, DIVIDEND, vol);
                        double forward = market.forward(expiry);
                        VanillaOption option = new VanillaOption(right, forward * Math.exp(-logMoneyness), expiry);
                        double price = PRICER.price(option, market);
                        ImpliedVolResult result = SOLVER.impliedVolatility(price, option, market);
                        double intrinsic = Math.exp(-RATE * expiry) * right.intrinsic(forward, option.strike());
                        if (!(price - intrinsic > Math.max(1e-250 * forward, 16 * Math.ulp(price)))) {
                            // no time value left in double precision: "no solution", or a volatility that reprices
                            if (result instanceof Solved tiny) {
                                double repriced = PRICER.price(option, market.withVolatility(tiny.volatility()));
                                assertThat(Math.abs(repriced - price)).isLessThanOrEqualTo(Math.max(32 * Math.ulp(price), 1e-250 * forward));
                            }
                            continue;
                        }
                        assertThat(result).as("%s %s price %s", option, market, price).isInstanceOf(Solved.class);
                        Solved found = (Solved) result;
                        // the last digits of the price are worth this much volatility: an in-the-money price carries
                        // the intrinsic value, a price near its upper bound has almost no vega; no solver beats that
                        double vega = PRICER.greeks(option, market).vega();
                        double priceDigits = 4 * Math.ulp(price) / vega;
                        assertThat(Math.abs(found.volatility() - vol))
                                .as("%s %s", option, market).isLessThanOrEqualTo(VOL_TOLERANCE * Math.max(1, vol) + priceDigits);
                        maxIterations = Math.max(maxIterations, found.iterations());
                        solved++;
                    }
                }
            }
        }
        assertThat(solved).isGreaterThan(50_000);
        assertThat(maxIterations).isLessThanOrEqualTo(4);
    }

    @Test
    void inTheMoneyOptionsRoundTripToTheStatedAccuracyWhenTheTimeValueIsWellRepresented() {
        double expiry = 7.0 / 365;
        OptionMarket market = new OptionMarket(SPOT, RATE, DIVIDEND, 0.2);
        for (double strike = 560; strike <= 600; strike += 1) {
            for (PutCall right : PutCall.values()) {
                VanillaOption option = new VanillaOption(right, strike, expiry);
                double price = PRICER.price(option, market);
                assertThat(SOLVER.impliedVolatility(price, option, market).volatility())
                        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void priceAtIntrinsicValueHasNoSolution() {
        double expiry = 7.0 / 365;
        VanillaOption put = VanillaOption.put(600, expiry);
        double forward = SPOT * Math.exp((RATE - DIVIDEND) * expiry);
        double intrinsic = Math.exp(-RATE * expiry) * (600 - forward);
        ImpliedVolResult result = SOLVER.impliedVolatility(intrinsic, put, SPOT, RATE, DIVIDEND);
        assertThat(result).isInstanceOfSatisfying(NoSolution.class,
                none -> assertThat(none.reason()).isEqualTo(Reason.PRICE_AT_OR_BELOW_INTRINSIC));
        assertThat(SOLVER.impliedVolatility(0.0, VanillaOption.call(600, expiry), SPOT, RATE, DIVIDEND))
                .isInstanceOf(NoSolution.class);
    }

    @Test
    void priceAtOrAboveTheUpperBoundHasNoSolution() {
        double expiry = 0.5;
        double discountedForward = SPOT * Math.exp(-DIVIDEND * expiry);
        ImpliedVolResult call = SOLVER.impliedVolatility(discountedForward, VanillaOption.call(500, expiry), SPOT, RATE, DIVIDEND);
        assertThat(call).isInstanceOfSatisfying(NoSolution.class,
                none -> assertThat(none.reason()).isEqualTo(Reason.PRICE_AT_OR_ABOVE_MAXIMUM));
        double discountedStrike = 500 * Math.exp(-RATE * expiry);
        assertThat(SOLVER.impliedVolatility(discountedStrike * 1.01, VanillaOption.put(500, expiry), SPOT, RATE, DIVIDEND))
                .isInstanceOfSatisfying(NoSolution.class,
                        none -> assertThat(none.reason()).isEqualTo(Reason.PRICE_AT_OR_ABOVE_MAXIMUM));
    }

    @Test
    void expiredOptionAndNonFinitePriceHaveNoSolution() {
        assertThat(SOLVER.fromForwardPrice(1.0, 580, 580, 0.0, PutCall.PUT))
                .isInstanceOfSatisfying(NoSolution.class, none -> assertThat(none.reason()).isEqualTo(Reason.EXPIRED));
        assertThat(SOLVER.fromForwardPrice(Double.NaN, 580, 580, 0.1, PutCall.PUT))
                .isInstanceOfSatisfying(NoSolution.class, none -> assertThat(none.reason()).isEqualTo(Reason.PRICE_NOT_FINITE));
    }

    @Test
    void forwardFormAgreesWithTheNormalisedBlackFunction() {
        double forward = 100;
        double strike = 90;
        double expiry = 2;
        double vol = 0.35;
        double price = Math.sqrt(forward * strike) * NormalisedBlack.price(Math.log(forward / strike), vol * Math.sqrt(expiry), -1);
        assertThat(SOLVER.fromForwardPrice(price, forward, strike, expiry, PutCall.PUT).volatility())
                .isCloseTo(vol, org.assertj.core.api.Assertions.within(VOL_TOLERANCE));
    }
}
