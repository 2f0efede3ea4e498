package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PnlStatisticsTest {

    @Test
    void fifthPercentileAndExpectedShortfallOfOneToHundred() {
        double[] pnl = new double[100];
        for (int i = 0; i < 100; i++) {
            pnl[(i * 37) % 100] = i + 1 - 50; // -49..50, shuffled
        }
        PnlStatistics stats = PnlStatistics.of(pnl, 100, 40.0, new double[100]);
        assertThat(stats.percentile5()).isEqualTo(-45.0);
        assertThat(stats.cvar5()).isCloseTo(-47.0, within(1e-12));
        assertThat(stats.worst()).isEqualTo(-49.0);
        assertThat(stats.best()).isEqualTo(50.0);
        assertThat(stats.expected()).isCloseTo(0.5, within(1e-12));
        assertThat(stats.winRatio()).isEqualTo(0.5);
        assertThat(stats.probabilityOfLossBeyondTolerance()).isEqualTo(0.09);
    }

    @Test
    void tailCountRoundsUpAndIsAtLeastOne() {
        assertThat(PnlStatistics.tailCount(1)).isEqualTo(1);
        assertThat(PnlStatistics.tailCount(100)).isEqualTo(5);
        assertThat(PnlStatistics.tailCount(101)).isEqualTo(6);
        assertThat(PnlStatistics.tailCount(100_000)).isEqualTo(5_000);
    }

    @Test
    void largeSamplesGiveTheExactOrderStatisticsWhateverTheirArrangement() {
        int n = 50_000;
        int stride = n / 2048;
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        for (int pattern = 0; pattern < 4; pattern++) {
            double[] pnl = new double[n];
            for (int i = 0; i < n; i++) {
                boolean probed = i % stride == 0;
                pnl[i] = switch (pattern) {
                    case 0 -> random.nextGaussian();
                    case 1 -> probed ? 1e6 : random.nextGaussian(); // subsample sees only gains
                    case 2 -> probed && i < 200 * stride ? -1e6 - i : random.nextGaussian(); // a few extreme probes
                    default -> Math.floor(3 * random.nextGaussian()); // heavy ties
                };
            }
            double[] sorted = pnl.clone();
            java.util.Arrays.sort(sorted);
            int k = PnlStatistics.tailCount(n);
            PnlStatistics stats = PnlStatistics.of(pnl, n, 1.0, new double[n]);
            assertThat(stats.percentile5()).as("pattern %s", pattern).isEqualTo(sorted[k - 1]);
            assertThat(stats.cvar5()).as("pattern %s", pattern)
                    .isCloseTo(java.util.Arrays.stream(sorted, 0, k).average().orElseThrow(), within(1e-6));
        }
    }
}
