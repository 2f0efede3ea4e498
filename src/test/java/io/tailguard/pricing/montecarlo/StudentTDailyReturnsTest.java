package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudentTDailyReturnsTest {

    private static final int DRAWS = 400_000;
    /** Sampling error of a variance estimate from 400k heavy-tailed draws is ~1%; allow 4%. */
    private static final double VARIANCE_TOLERANCE = 0.04;

    private static double[] moments(StudentTDailyReturns model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // annual volatility sqrt(252) is a daily volatility of one: the draws are the unit variates
        DailyReturnModel.Sampler unit = new StudentTDailyReturns(
                model.degreesOfFreedom(), Math.sqrt(DailyReturnModel.TRADING_DAYS_PER_YEAR), 1.0, 0.0).sampler();
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < DRAWS; i++) {
            double z = unit.nextLogReturn(random);
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
        }
        return new double[] {sum / DRAWS, sum2 / DRAWS, sum4 / DRAWS};
    }

    @Test
    void unitVariatesHaveUnitVarianceWhateverTheDegreesOfFreedom() {
        for (double nu : new double[] {5.0, 8.0, Double.POSITIVE_INFINITY}) {
            double[] m = moments(StudentTDailyReturns.of(nu, 0.2), 11);
            assertThat(m[0]).as("mean, nu=%s", nu).isCloseTo(0.0, within(0.01));
            assertThat(m[1]).as("variance, nu=%s", nu).isCloseTo(1.0, within(VARIANCE_TOLERANCE));
        }
    }

    @Test
    void fewDegreesOfFreedomGiveFatterTailsThanTheNormal() {
        double normalKurtosis = moments(StudentTDailyReturns.of(Double.POSITIVE_INFINITY, 0.2), 3)[2];
        double studentKurtosis = moments(StudentTDailyReturns.of(5.0, 0.2), 3)[2];
        assertThat(normalKurtosis).isCloseTo(3.0, within(0.1));
        // excess kurtosis of a t(5) is 6: the sample estimate is noisy but far above the normal's
        assertThat(studentKurtosis).isGreaterThan(5.0);
    }

    @Test
    void dailyVolatilityIsImpliedVolatilityTimesTheScenarioMultiplierOverRootOf252() {
        StudentTDailyReturns model = StudentTDailyReturns.of(4, 0.16).withVolatilityMultiplier(1.5);
        assertThat(model.dailyVolatility()).isCloseTo(0.16 * 1.5 / Math.sqrt(252), within(1e-15));
    }

    @Test
    void rejectsDegreesOfFreedomWithoutFiniteVariance() {
        assertThatThrownBy(() -> StudentTDailyReturns.of(2.0, 0.2)).isInstanceOf(IllegalArgumentException.class);
    }
}
