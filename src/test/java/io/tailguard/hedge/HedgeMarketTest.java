package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HedgeMarketTest {
    @Test
    void theSpxLevelIsTenXspLevelsToTheLastBitSoASeedGivesTheSamePaths() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double xsp = 100 + random.nextDouble() * 900;
            HedgeMarket m = new HedgeMarket(80, xsp, 0.16, LocalDate.of(2026, 12, 4), 5, List.of(), List.of());
            assertThat(Double.doubleToRawLongBits(m.spxSpot())).as("XSP %s", xsp)
                    .isEqualTo(Double.doubleToRawLongBits(xsp * 10.0));
        }
        // dividing by the tenth would not do: about a third of these levels come out one bit off
        assertThat(762.1695670224075 / HedgeUnderlying.XSP_PER_SPX).isNotEqualTo(762.1695670224075 * 10.0);
    }
}
