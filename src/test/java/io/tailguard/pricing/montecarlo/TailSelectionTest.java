package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailSelectionTest {

    @Test
    void selectsTheOrderStatisticAndMovesSmallerValuesInFront() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(3000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // many ties as well as distinct values
                values[i] = trial % 2 == 0 ? random.nextGaussian() : random.nextInt(7);
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            double[] work = values.clone();
            assertThat(TailSelection.select(work, n, k)).isEqualTo(sorted[k]);
            double[] front = Arrays.copyOf(work, k + 1);
            Arrays.sort(front);
            assertThat(front).containsExactly(Arrays.copyOf(sorted, k + 1));
        }
    }
}
