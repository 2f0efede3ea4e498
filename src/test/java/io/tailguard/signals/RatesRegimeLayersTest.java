package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import org.junit.jupiter.api.Test;

/** Steepener, duration barbell and Powell pause (layer 3). */
class RatesRegimeLayersTest {
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
