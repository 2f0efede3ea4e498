package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapDailyReturnsTest {

    private static final double[] HISTORY = {0.01, -0.02, 0.005, 0.0, -0.035, 0.012};

    @Test
    void drawsOnlyReturnsFromTheHistory() {
        BootstrapDailyReturns model = BootstrapDailyReturns.ofLogReturns(HISTORY, 1.0);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            double r = model.nextLogReturn(random);
            assertThat(Arrays.stream(HISTORY).anyMatch(h -> Math.abs(h - r) < 1e-15)).isTrue();
        }
    }

    @Test
    void volatilityMultiplierScalesDeviationsFromTheMean() {
        double mean = Arrays.stream(HISTORY).average().orElseThrow();
        BootstrapDailyReturns plain = BootstrapDailyReturns.ofLogReturns(HISTORY, 1.0);
        BootstrapDailyReturns stressed = plain.withVolatilityMultiplier(2.0);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            double r = plain.nextLogReturn(a);
            assertThat(stressed.nextLogReturn(b)).isCloseTo(mean + 2.0 * (r - mean), within(1e-15));
        }
    }

    @Test
    void simpleReturnsAreConvertedToLogReturns() {
        BootstrapDailyReturns model = BootstrapDailyReturns.ofSimpleReturns(new double[] {0.1}, 1.0);
        assertThat(model.nextLogReturn(new SplittableRandom(1))).isCloseTo(Math.log(1.1), within(1e-15));
        assertThatThrownBy(() -> BootstrapDailyReturns.ofSimpleReturns(new double[] {-1.0}, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHistoryIsCopiedNotShared() {
        double[] history = HISTORY.clone();
        BootstrapDailyReturns model = BootstrapDailyReturns.ofLogReturns(history, 1.0);
        history[0] = 99;
        assertThat(model.logReturns()).containsExactly(HISTORY);
    }
}
