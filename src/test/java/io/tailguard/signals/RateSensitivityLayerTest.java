package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateSensitivityLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();
    private static final double TOLERANCE = 1e-9;

    private static RateSensitivityLayer.Result evaluate(MarketFixture market) {
        return RateSensitivityLayer.evaluate(market.data(CONFIG), CONFIG.rateSensitivity()).value();
    }

    @Test
    void measuresSensitivityAsPercentLossPerTenBasisPointRise() {
        MarketFixture market = new MarketFixture();
        market.uproSensitivity = 2.0;

        assertThat(evaluate(market).sensitivity().get("UPRO")).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void reducesHighSensitivityExposureWhenYieldIsAboveThresholdAndRising() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.8;
        market.yieldDrift = 0.01;

        RateSensitivityLayer.Result result = evaluate(market);

        assertThat(result.pressure()).isTrue();
        assertThat(result.exposureMultiplier("UPRO").value()).isEqualTo(0.75);
        assertThat(result.detail().state()).isEqualTo("RATE_PRESSURE");
    }

    @Test
    void keepsFullExposureWhenYieldIsHighButFalling() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.8;
        market.yieldDrift = -0.01;

        assertThat(evaluate(market).pressure()).isFalse();
        assertThat(evaluate(market).exposureMultiplier("UPRO").value()).isEqualTo(1.0);
    }

    @Test
    void keepsFullExposureWhenRisingYieldStaysBelowThreshold() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.3;
        market.yieldDrift = 0.001;

        assertThat(evaluate(market).yieldPct()).isLessThan(4.5);
        assertThat(evaluate(market).pressure()).isFalse();
    }

    @Test
    void treatsAYieldOfExactlyTheThresholdAsNotAbove() {
        SignalLayersConfig.RateSensitivity atThreshold = withYieldAbove(CONFIG.rateSensitivity(), 4.5);
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.5;
        market.yieldDrift = 0.01;
        RateSensitivityLayer.Result probe = RateSensitivityLayer.evaluate(market.data(CONFIG), atThreshold).value();
        SignalLayersConfig.RateSensitivity exactlyNow = withYieldAbove(atThreshold, probe.yieldPct());

        RateSensitivityLayer.Result result = RateSensitivityLayer.evaluate(market.data(CONFIG), exactlyNow).value();

        assertThat(result.pressure()).isFalse();
        assertThat(RateSensitivityLayer.evaluate(market.data(CONFIG), withYieldAbove(atThreshold, probe.yieldPct() - 0.001))
                .value().pressure()).isTrue();
    }

    @Test
    void leavesHoldingsAtOrBelowTheSensitivityThresholdUntouched() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.8;
        market.yieldDrift = 0.01;
        market.uproSensitivity = 1.8;
        assertThat(evaluate(market).sensitivity().get("UPRO")).isCloseTo(1.8, within(1e-6));
        // 1.8 computed by regression may land a hair either side; use 1.79 and 1.81 for the sharp edges
        market.uproSensitivity = 1.79;
        assertThat(evaluate(market).exposureMultiplier("UPRO").value()).isEqualTo(1.0);
        market.uproSensitivity = 1.81;
        assertThat(evaluate(market).exposureMultiplier("UPRO").value()).isEqualTo(0.75);
    }

    @Test
    void reportsAHoldingWithoutBarsAsUnscoredAndItsMultiplierUnknown() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.bar("UPRO"));

        RateSensitivityLayer.Result result = evaluate(market);

        assertThat(result.unscored()).containsKey("UPRO");
        assertThat(result.exposureMultiplier("UPRO").reasonOrEmpty()).contains("no observation of ibkr:UPRO");
    }

    @Test
    void isUnknownWithoutTheYieldSeries() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.TREASURY_10Y);

        assertThat(RateSensitivityLayer.evaluate(market.data(CONFIG, Map.of()), CONFIG.rateSensitivity()).reasonOrEmpty())
                .contains("fred:DGS10");
    }

    @Test
    void scalesATnxStyleYieldQuote() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.2;
        SignalLayersConfig.RateSensitivity scaled = new SignalLayersConfig.RateSensitivity("fred:DGS10", 0.5, 60, 4.5,
                20, 1.8, 0.75, java.util.List.of("UPRO"));

        RateSensitivityLayer.Result result = RateSensitivityLayer.evaluate(market.data(CONFIG), scaled).value();

        assertThat(result.yieldPct()).isCloseTo(evaluate(market).yieldPct() * 0.5, within(TOLERANCE));
        assertThat(result.sensitivity().get("UPRO")).isCloseTo(4.0, within(1e-6));
    }

    private static SignalLayersConfig.RateSensitivity withYieldAbove(SignalLayersConfig.RateSensitivity c, double pct) {
        return new SignalLayersConfig.RateSensitivity(c.yieldSeries(), c.yieldScale(), c.windowDays(), pct,
                c.risingLookbackDays(), c.highSensitivityAbove(), c.exposureMultiplier(), c.holdings());
    }
}
