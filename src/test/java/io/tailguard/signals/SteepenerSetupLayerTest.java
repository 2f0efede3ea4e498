package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import org.junit.jupiter.api.Test;

class SteepenerSetupLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static SteepenerSetupLayer.Result steepener(double probability) {
        MarketFixture market = new MarketFixture();
        market.delayedCut = probability;
        return SteepenerSetupLayer.evaluate(market.data(CONFIG), CONFIG.steepener()).value();
    }

    @Test
    void proposesTheSteepenerPairAboveSeventyPercentDelayedCutProbability() {
        SteepenerSetupLayer.Result result = steepener(0.71);

        assertThat(result.active()).isTrue();
        assertThat(SteepenerSetupLayer.candidates(result, CONFIG.steepener())).singleElement()
                .satisfies(trade -> assertThat(trade.legs()).extracting(Object::toString)
                        .containsExactly("LONG STOCK KRE", "SHORT STOCK ARKK"));
    }

    @Test
    void proposesNothingAtExactlySeventyPercent() {
        SteepenerSetupLayer.Result result = steepener(0.70);

        assertThat(result.active()).isFalse();
        assertThat(SteepenerSetupLayer.candidates(result, CONFIG.steepener())).isEmpty();
    }
}
