package io.tailguard.signals;

import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import org.junit.jupiter.api.Test;

class VolatilityLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static VolatilityLayer.Result evaluate(MarketFixture market) {
        return VolatilityLayer.evaluate(market.data(CONFIG), CONFIG.volatility()).value();
    }

    private static VolatilityRegime regimeAt(double iv) {
        MarketFixture market = new MarketFixture();
        market.xspIv = flat(21, iv);
        return evaluate(market).regime();
    }

    @Test
    void bucketsFlatImpliedVolatilityByTheConfiguredRule() {
        assertThat(regimeAt(0.1349)).isEqualTo(VolatilityRegime.CHEAP);
        assertThat(regimeAt(0.135)).isEqualTo(VolatilityRegime.MODEST);
        assertThat(regimeAt(0.1699)).isEqualTo(VolatilityRegime.MODEST);
        assertThat(regimeAt(0.17)).isEqualTo(VolatilityRegime.RICH);
        assertThat(regimeAt(0.31)).isEqualTo(VolatilityRegime.RICH);
    }

    @Test
    void recognisesImpliedVolatilityFallingFromAroundThirtyPercent() {
        MarketFixture market = new MarketFixture();
        market.xspIv = flat(21, 0.20);
        market.xspIv[14] = 0.32;
        market.xspIv[20] = 0.28;

        VolatilityLayer.Result result = evaluate(market);

        assertThat(result.ivPeak()).isEqualTo(0.32);
        assertThat(result.regime()).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
    }

    @Test
    void needsThePeakToReachTheConfiguredLevelWithinTheLookback() {
        MarketFixture market = new MarketFixture();
        market.xspIv = flat(21, 0.20);
        market.xspIv[14] = 0.2999;
        assertThat(evaluate(market).regime()).isEqualTo(VolatilityRegime.RICH);

        market.xspIv[14] = 0.20;
        market.xspIv[9] = 0.35; // eleven sessions before today: outside the ten-session lookback
        assertThat(evaluate(market).regime()).isEqualTo(VolatilityRegime.RICH);
    }

    @Test
    void treatsMovesWithinTheToleranceAsFlat() {
        MarketFixture market = new MarketFixture();
        market.xspIv = ramp(21, 0.154, 0.150);

        assertThat(evaluate(market).ivDirection()).isEqualTo(Direction.FLAT);
    }

    @Test
    void entersTheStressRegimeOnlyAboveThirty() {
        MarketFixture market = new MarketFixture();
        market.vix3m = 35;
        market.vix = flat(6, 30.0);
        assertThat(evaluate(market).stress()).isFalse();
        market.vix = flat(6, 30.01);
        assertThat(evaluate(market).stress()).isTrue();
    }

    @Test
    void readsTheTermStructureFromVixOverVix3m() {
        MarketFixture market = new MarketFixture();
        market.vix = flat(6, 20.0);
        market.vix3m = 20.0;
        assertThat(evaluate(market).termStructure()).isEqualTo(TermStructure.FLAT);
        market.vix3m = 19.99;
        assertThat(evaluate(market).termStructure()).isEqualTo(TermStructure.INVERTED);
        market.vix3m = 21.06;
        assertThat(evaluate(market).termStructure()).isEqualTo(TermStructure.CONTANGO);
    }

    @Test
    void notesAShortEndInversion() {
        MarketFixture market = new MarketFixture();
        market.vix9d = 16;

        assertThat(evaluate(market).shortEndInverted()).isTrue();
        assertThat(evaluate(market).detail().notes()).anySatisfy(n -> assertThat(n).contains("short end inverted"));
    }

    @Test
    void isUnknownWithoutVix3m() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.VIX3M);

        assertThat(VolatilityLayer.evaluate(market.data(CONFIG), CONFIG.volatility()).reasonOrEmpty())
                .contains("ibkr:VIX3M");
    }
}
