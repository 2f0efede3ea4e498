package io.tailguard.pricing.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedBlackInversionTest {

    /** Relative accuracy in total volatility of the normalised round trip. */
    private static final double RELATIVE_TOLERANCE = 2e-13;
    private static final int MAX_ITERATIONS_EXPECTED = 4;

    @Test
    void recoversTotalVolatilityOverTheWholeNormalisedDomainInAtMostFourIterations() {
        int cases = 0;
        for (double x = -10.0; x <= 0.0; x += 0.037) {
            for (double s = 1e-4; s <= 10.0; s *= 1.07) {
                double beta = NormalisedBlack.outOfTheMoneyCall(x, s);
                if (!(beta > 1e-290) || !(beta < Math.exp(0.5 * x))) {
                    continue; // price underflows or is indistinguishable from the bound: nothing to invert
                }
                NormalisedBlackInversion.Root root = NormalisedBlackInversion.solve(beta, x);
                // the digits of beta itself bound what any solver can recover
                double conditioning = (Math.ulp(beta) + Math.ulp(Math.exp(0.5 * x) - beta)) / NormalisedBlack.vega(x, s) / s;
                assertThat(Math.abs(root.totalVolatility() / s - 1.0))
                        .as("x=%s s=%s", x, s).isLessThanOrEqualTo(RELATIVE_TOLERANCE + 4 * conditioning);
                assertThat(root.iterations()).as("x=%s s=%s", x, s).isLessThanOrEqualTo(MAX_ITERATIONS_EXPECTED);
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(15_000);
    }

    @Test
    void householderStepSolvesALinearObjectiveExactly() {
        assertThat(NormalisedBlackInversion.householder(2.0, 4.0, 0.0, 0.0)).isEqualTo(-0.5);
    }
}
