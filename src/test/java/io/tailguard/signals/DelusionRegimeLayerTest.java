package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DelusionRegimeLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static DelusionRegimeLayer.Result delusion(MarketFixture market) {
        return DelusionRegimeLayer.evaluate(market.data(CONFIG), CONFIG.delusion()).value();
    }

    @Test
    void entersDelusionAboveTwentyFiveTimesWhileGdpGrowthSlows() {
        MarketFixture market = new MarketFixture();
        market.techForwardPe = 25.01;

        assertThat(delusion(market).slowing()).isTrue();
        assertThat(delusion(market).active()).isTrue();
    }

    @Test
    void staysNormalAtExactlyTwentyFiveTimes() {
        MarketFixture market = new MarketFixture();
        market.techForwardPe = 25.0;

        assertThat(delusion(market).active()).isFalse();
    }

    @Test
    void staysNormalWhenGdpGrowthAccelerates() {
        MarketFixture market = new MarketFixture();
        market.techForwardPe = 40;
        market.gdp = new double[] {23000, 23100, 23150, 23300};

        assertThat(delusion(market).slowing()).isFalse();
        assertThat(delusion(market).active()).isFalse();
    }

    @Test
    void usesOnlyGdpQuartersAlreadyPublished() {
        MarketFixture market = new MarketFixture();
        market.techForwardPe = 30;
        // Q3 2026 (accelerating) is published 120 days after 2026-07-01 = 2026-10-29; a snapshot the day before
        // must judge on Q2 2026 instead
        market.gdp = new double[] {23000, 23200, 23300, 23600};
        market.asOf = LocalDate.of(2026, 10, 28);

        DelusionRegimeLayer.Result result = delusion(market);

        assertThat(result.gdpGrowthLatest()).isEqualTo(23300.0 / 23200 - 1);
        assertThat(result.active()).isTrue();
    }

    @Test
    void isUnknownWithoutAForwardPe() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.TECH_FORWARD_PE);

        assertThat(DelusionRegimeLayer.evaluate(market.data(CONFIG), CONFIG.delusion()).reasonOrEmpty())
                .contains("csv:forward_pe.TECH");
    }
}
