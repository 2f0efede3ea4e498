package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import org.junit.jupiter.api.Test;

class DurationBarbellLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static DurationBarbellLayer.Result barbell(double cutProbability, double drift) {
        MarketFixture market = new MarketFixture();
        market.nextMeetingCut = cutProbability;
        market.yieldDrift = drift;
        return DurationBarbellLayer.evaluate(market.data(CONFIG), CONFIG.durationBarbell(), CONFIG.rateSensitivity())
                .value();
    }

    @Test
    void proposesTheBarbellInADovishPivot() {
        DurationBarbellLayer.Result result = barbell(0.60, -0.01);

        assertThat(result.dovishPivot()).isTrue();
        assertThat(DurationBarbellLayer.candidates(result, CONFIG.durationBarbell())).singleElement()
                .satisfies(trade -> assertThat(trade.legs()).extracting(Object::toString)
                        .containsExactly("LONG STOCK XLU", "LONG STOCK XLV", "LONG CALL QQQ"));
    }

    @Test
    void seesNoPivotBelowTheCutProbabilityOrWithRisingYields() {
        assertThat(barbell(0.59, -0.01).dovishPivot()).isFalse();
        assertThat(barbell(0.90, 0.01).dovishPivot()).isFalse();
    }
}
