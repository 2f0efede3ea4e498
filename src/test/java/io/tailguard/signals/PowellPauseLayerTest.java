package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import org.junit.jupiter.api.Test;

class PowellPauseLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static PowellPauseLayer.Result pause(double sofr, double effr, double rrp) {
        MarketFixture market = new MarketFixture();
        market.sofr = sofr;
        market.effr = effr;
        market.reverseRepo = rrp;
        return PowellPauseLayer.evaluate(market.data(CONFIG), CONFIG.powellPause()).value();
    }

    @Test
    void detectsAPowellPauseWithWideSpreadAndDrainedReverseRepo() {
        PowellPauseLayer.Result result = pause(4.70, 4.33, 299);

        assertThat(result.sofrOisSpreadBp()).isCloseTo(37.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.active()).isTrue();
    }

    @Test
    void needsTheSpreadStrictlyAboveItsThreshold() {
        // binary-exact rates so the spread lands exactly on a 37.5 bp threshold
        SignalLayersConfig.PowellPause threshold = new SignalLayersConfig.PowellPause(37.5, 300);
        MarketFixture market = new MarketFixture();
        market.sofr = 4.5;
        market.effr = 4.125;
        market.reverseRepo = 100;
        assertThat(PowellPauseLayer.evaluate(market.data(CONFIG), threshold).value().active()).isFalse();
        market.sofr = 4.5 + 1.0 / 256;
        assertThat(PowellPauseLayer.evaluate(market.data(CONFIG), threshold).value().active()).isTrue();
    }

    @Test
    void needsReverseRepoStrictlyBelowThreeHundredBillion() {
        assertThat(pause(5.0, 4.33, 300).active()).isFalse();
        assertThat(pause(5.0, 4.33, 299.9).active()).isTrue();
    }

    @Test
    void isUnknownWhenSofrIsStale() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.SOFR);
        market.extra.add(Observation.sameDay(SignalSeries.SOFR, market.asOf.minusDays(10), 4.3));

        assertThat(PowellPauseLayer.evaluate(market.data(CONFIG), CONFIG.powellPause()).reasonOrEmpty())
                .contains("fred:SOFR is stale");
    }
}
