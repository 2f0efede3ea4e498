package io.tailguard.pricing.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalisedBlackTest {

    private static final double RELATIVE_TOLERANCE = 1e-14;

    private static double textbook(double x, double s) {
        double h = x / s;
        double t = 0.5 * s;
        return Math.exp(0.5 * x) * Gaussian.cdf(h + t) - Math.exp(-0.5 * x) * Gaussian.cdf(h - t);
    }

    @Test
    void agreesWithTheTextbookFormulaWhereThatHasNoCancellation() {
        for (double x = -1.0; x <= 1.0; x += 0.1) {
            for (double s = 0.3; s <= 3.0; s += 0.1) {
                assertThat(NormalisedBlack.call(x, s) / textbook(x, s) - 1.0)
                        .as("x=%s s=%s", x, s).isCloseTo(0.0, within(RELATIVE_TOLERANCE));
            }
        }
    }

    @Test
    void taylorSeriesAndErfcxFormAgreeAcrossTheirSwitch() {
        // just below and just above t = 0.05 the two forms are used; b is smooth in s
        for (double x = -0.3; x <= 0.0; x += 0.01) {
            double below = NormalisedBlack.call(x, 0.1 - 1e-12);
            double above = NormalisedBlack.call(x, 0.1 + 1e-12);
            double slope = NormalisedBlack.vega(x, 0.1) * 2e-12;
            assertThat(above - below).as("x=%s", x).isCloseTo(slope, within(4e-14 * above));
        }
    }

    @Test
    void callMinusPutIsTheNormalisedForwardMinusStrike() {
        for (double x = -3; x <= 3; x += 0.25) {
            for (double s = 0.01; s <= 4; s *= 1.7) {
                double parity = NormalisedBlack.price(x, s, 1) - NormalisedBlack.price(x, s, -1);
                assertThat(parity).isCloseTo(Math.exp(0.5 * x) - Math.exp(-0.5 * x), within(1e-15 * Math.exp(Math.abs(x))));
            }
        }
    }

    @Test
    void vegaIsTheDerivativeInTotalVolatility() {
        double h = 1e-6;
        for (double x = -2; x <= 2; x += 0.5) {
            for (double s = 0.05; s <= 3; s *= 2) {
                double fd = (NormalisedBlack.call(x, s + h) - NormalisedBlack.call(x, s - h)) / (2 * h);
                assertThat(NormalisedBlack.vega(x, s)).isCloseTo(fd, within(1e-8));
            }
        }
    }

    @Test
    void outOfTheMoneyPlusComplementIsTheUpperBound() {
        for (double x = -4; x <= 0; x += 0.5) {
            for (double s = 0.1; s <= 6; s *= 1.5) {
                double sum = NormalisedBlack.outOfTheMoneyCall(x, s) + NormalisedBlack.outOfTheMoneyCallComplement(x, s);
                assertThat(sum).isCloseTo(Math.exp(0.5 * x), within(1e-15));
            }
        }
    }

    @Test
    void deepOutOfTheMoneyPriceKeepsItsAsymptoticForm() {
        // for small s: b ~ s^3/(x^2 sqrt(2pi)) exp(-x^2/(2 s^2) - s^2/8) (1 + O(s^2/x^2))
        double x = -0.2;
        double s = 0.02;
        double asymptotic = Math.pow(s, 3) / (x * x * Math.sqrt(2 * Math.PI)) * Math.exp(-x * x / (2 * s * s) - s * s / 8);
        double b = NormalisedBlack.call(x, s);
        assertThat(b).isGreaterThan(0.0);
        assertThat(b / asymptotic - 1.0).isCloseTo(0.0, within(3 * s * s / (x * x) * 2));
    }
}
