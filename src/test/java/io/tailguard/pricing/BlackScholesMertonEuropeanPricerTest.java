package io.tailguard.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlackScholesMertonEuropeanPricerTest {

    private static final BlackScholesMertonEuropeanPricer PRICER = BlackScholesMertonEuropeanPricer.DEFAULT;
    private static final double PARITY_TOLERANCE = 1e-12;
    private static final double SPOT_BUMP = 1e-3;
    private static final double VOL_BUMP = 1e-5;
    private static final double RATE_BUMP = 1e-6;
    private static final double TIME_BUMP = 1e-6;
    private static final double FD_TOLERANCE = 1e-6;

    private static final OptionMarket XSP = new OptionMarket(580.0, 0.045, 0.013, 0.18);

    @ParameterizedTest
    @CsvSource({"500, 0.02", "560, 0.02", "580, 0.0192", "600, 0.25", "700, 2.0", "580, 1e-5"})
    void callMinusPutIsDiscountedForwardMinusStrike(double strike, double expiry) {
        double call = PRICER.price(VanillaOption.call(strike, expiry), XSP);
        double put = PRICER.price(VanillaOption.put(strike, expiry), XSP);
        double expected = XSP.spot() * Math.exp(-XSP.dividendYield() * expiry) - strike * Math.exp(-XSP.rate() * expiry);
        assertThat(call - put).isCloseTo(expected, within(PARITY_TOLERANCE * XSP.spot()));
    }

    @ParameterizedTest
    @CsvSource({
            "CALL, 560, 0.0192", "PUT, 560, 0.0192", "CALL, 600, 0.25", "PUT, 600, 0.25",
            "CALL, 580, 1.5", "PUT, 520, 0.5", "CALL, 650, 0.08", "PUT, 540, 0.08"})
    void greeksMatchCentralFiniteDifferences(PutCall right, double strike, double expiry) {
        VanillaOption option = new VanillaOption(right, strike, expiry);
        PriceAndGreeks greeks = PRICER.greeks(option, XSP);
        double s = XSP.spot();
        double up = PRICER.price(option, XSP.withSpot(s + SPOT_BUMP));
        double mid = PRICER.price(option, XSP);
        double down = PRICER.price(option, XSP.withSpot(s - SPOT_BUMP));
        assertThat(greeks.price()).isEqualTo(mid);
        assertThat(greeks.delta()).isCloseTo((up - down) / (2 * SPOT_BUMP), within(FD_TOLERANCE));
        assertThat(greeks.gamma()).isCloseTo((up - 2 * mid + down) / (SPOT_BUMP * SPOT_BUMP), within(1e-4 * Math.max(greeks.gamma(), 1e-3)));
        double vol = XSP.volatility();
        double vega = (PRICER.price(option, XSP.withVolatility(vol + VOL_BUMP))
                - PRICER.price(option, XSP.withVolatility(vol - VOL_BUMP))) / (2 * VOL_BUMP);
        assertThat(greeks.vega()).isCloseTo(vega, within(FD_TOLERANCE * Math.max(1, vega)));
        double rho = (PRICER.price(option, XSP.withRate(XSP.rate() + RATE_BUMP))
                - PRICER.price(option, XSP.withRate(XSP.rate() - RATE_BUMP))) / (2 * RATE_BUMP);
        assertThat(greeks.rho()).isCloseTo(rho, within(1e-5 * Math.max(1, Math.abs(rho))));
        double theta = -(PRICER.price(option.withExpiryYears(expiry + TIME_BUMP), XSP)
                - PRICER.price(option.withExpiryYears(expiry - TIME_BUMP), XSP)) / (2 * TIME_BUMP);
        assertThat(greeks.theta()).isCloseTo(theta, within(1e-5 * Math.max(1, Math.abs(theta))));
    }

    @Test
    void pricesStayWithinNoArbitrageBounds() {
        for (double strike = 300; strike <= 900; strike += 25) {
            for (double expiry : new double[] {1e-4, 0.02, 0.25, 1, 5}) {
                for (double vol : new double[] {0.01, 0.2, 1.0, 3.0}) {
                    OptionMarket market = XSP.withVolatility(vol);
                    double forward = market.forward(expiry);
                    double discount = Math.exp(-market.rate() * expiry);
                    double call = PRICER.price(VanillaOption.call(strike, expiry), market);
                    double put = PRICER.price(VanillaOption.put(strike, expiry), market);
                    double slack = 1e-12 * forward;
                    assertThat(call).isBetween(discount * Math.max(forward - strike, 0) - slack, discount * forward + slack);
                    assertThat(put).isBetween(discount * Math.max(strike - forward, 0) - slack, discount * strike + slack);
                }
            }
        }
    }

    @Test
    void priceRisesWithVolatilityAndCallFallsWithStrike() {
        double previous = 0;
        for (double vol = 0.05; vol <= 1; vol += 0.05) {
            double price = PRICER.price(VanillaOption.put(560, 0.0192), XSP.withVolatility(vol));
            assertThat(price).isGreaterThan(previous);
            previous = price;
        }
        previous = Double.MAX_VALUE;
        for (double strike = 500; strike <= 660; strike += 5) {
            double price = PRICER.price(VanillaOption.call(strike, 0.0192), XSP);
            assertThat(price).isLessThan(previous);
            previous = price;
        }
    }

    @Test
    void expiredOrZeroVolatilityOptionIsWorthItsDiscountedForwardIntrinsicValue() {
        OptionMarket flat = XSP.withVolatility(0.0);
        double expiry = 0.5;
        double forward = flat.forward(expiry);
        PriceAndGreeks put = PRICER.greeks(VanillaOption.put(600, expiry), flat);
        assertThat(put.price()).isCloseTo(Math.exp(-flat.rate() * expiry) * (600 - forward), within(1e-12));
        assertThat(put.delta()).isCloseTo(-Math.exp(-flat.dividendYield() * expiry), within(1e-15));
        assertThat(put.gamma()).isZero();
        assertThat(PRICER.price(VanillaOption.call(570, 0.0), XSP)).isCloseTo(10.0, within(1e-12));
    }
}
