package io.tailguard.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeisenReimerAmericanPricerTest {

    private static final LeisenReimerAmericanPricer AMERICAN = LeisenReimerAmericanPricer.DEFAULT;
    private static final BlackScholesMertonEuropeanPricer EUROPEAN = BlackScholesMertonEuropeanPricer.DEFAULT;
    /** Tree discretisation error at 301 steps, relative to spot. */
    private static final double TREE_TOLERANCE = 2e-5;
    private static final OptionMarket UPRO = new OptionMarket(90.0, 0.045, 0.0, 0.55);

    @ParameterizedTest
    @CsvSource({"80, 0.0192", "90, 0.0192", "100, 0.0192", "95, 0.25", "120, 1.0"})
    void callWithoutDividendYieldIsWorthItsEuropeanPrice(double strike, double expiry) {
        VanillaOption call = VanillaOption.call(strike, expiry);
        assertThat(AMERICAN.price(call, UPRO)).isCloseTo(EUROPEAN.price(call, UPRO), within(TREE_TOLERANCE * UPRO.spot()));
    }

    @Test
    void europeanTreeConvergesToBlackScholes() {
        double[] out = new double[3];
        io.tailguard.pricing.impl.LeisenReimerTree.priceDeltaGamma(90, 95, 0.5, 0.045, 0.02, 0.55, -1, false, 301, out);
        double bs = EUROPEAN.price(VanillaOption.put(95, 0.5), UPRO.withDividendYield(0.02));
        assertThat(out[0]).isCloseTo(bs, within(TREE_TOLERANCE * 90));
    }

    @Test
    void earlyExerciseAddsValueToPutsAndToCallsOnAHighYield() {
        VanillaOption put = VanillaOption.put(110, 1.0);
        assertThat(AMERICAN.price(put, UPRO)).isGreaterThan(EUROPEAN.price(put, UPRO) + 0.01);
        OptionMarket highYield = UPRO.withDividendYield(0.08).withVolatility(0.2);
        VanillaOption call = VanillaOption.call(70, 1.0);
        assertThat(AMERICAN.price(call, highYield)).isGreaterThan(EUROPEAN.price(call, highYield) + 0.01);
    }

    @Test
    void americanPriceIsNeverBelowExerciseValueOrEuropeanPrice() {
        for (double strike = 60; strike <= 130; strike += 10) {
            for (PutCall right : PutCall.values()) {
                VanillaOption option = new VanillaOption(right, strike, 0.25);
                double american = AMERICAN.price(option, UPRO.withDividendYield(0.01));
                assertThat(american).isGreaterThanOrEqualTo(right.intrinsic(UPRO.spot(), strike) - 1e-12);
                assertThat(american).isGreaterThanOrEqualTo(
                        EUROPEAN.price(option, UPRO.withDividendYield(0.01)) - TREE_TOLERANCE * UPRO.spot());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"CALL, 95, 0.0192", "CALL, 85, 0.25", "PUT, 95, 0.5", "PUT, 80, 0.0192"})
    void greeksMatchFiniteDifferencesOfTheTreePrice(PutCall right, double strike, double expiry) {
        VanillaOption option = new VanillaOption(right, strike, expiry);
        OptionMarket market = UPRO.withDividendYield(0.01);
        PriceAndGreeks greeks = AMERICAN.greeks(option, market);
        double bump = 0.05;
        double up = AMERICAN.price(option, market.withSpot(market.spot() + bump));
        double down = AMERICAN.price(option, market.withSpot(market.spot() - bump));
        assertThat(greeks.delta()).isCloseTo((up - down) / (2 * bump), within(2e-3));
        assertThat(greeks.gamma()).isCloseTo((up - 2 * greeks.price() + down) / (bump * bump),
                within(0.05 * Math.abs(greeks.gamma()) + 1e-3));
        // for calls the early-exercise premium is tiny, so the tree greeks must match Black-Scholes-Merton
        if (right == PutCall.CALL) {
            PriceAndGreeks bs = EUROPEAN.greeks(option, market);
            assertThat(greeks.vega()).isCloseTo(bs.vega(), within(0.01 * bs.vega() + 1e-3));
            assertThat(greeks.rho()).isCloseTo(bs.rho(), within(0.01 * Math.abs(bs.rho()) + 1e-3));
            assertThat(greeks.theta()).isCloseTo(bs.theta(), within(0.02 * Math.abs(bs.theta()) + 0.05));
        } else {
            assertThat(greeks.vega()).isPositive();
            assertThat(greeks.theta()).isNegative();
        }
    }

    @Test
    void zeroVolatilityPutIsExercisedNowWhenThatIsWorthMore() {
        OptionMarket flat = UPRO.withVolatility(0.0);
        assertThat(AMERICAN.price(VanillaOption.put(120, 1.0), flat)).isCloseTo(30.0, within(1e-12));
    }
}
