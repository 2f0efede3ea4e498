package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.SignalSeries.Fundamental;
import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContrarianFlagLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    private static ContrarianFlagLayer.Result contrarian(double rnd, double revenue) {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.fundamental("HYPE", Fundamental.RESEARCH_AND_DEVELOPMENT));
        market.omitted.add(SignalSeries.fundamental("HYPE", Fundamental.REVENUE));
        LocalDate end = LocalDate.of(2026, 6, 30);
        LocalDate filed = LocalDate.of(2026, 7, 30);
        market.extra.add(new Observation(SignalSeries.fundamental("HYPE", Fundamental.RESEARCH_AND_DEVELOPMENT), end,
                filed, rnd));
        market.extra.add(new Observation(SignalSeries.fundamental("HYPE", Fundamental.REVENUE), end, filed, revenue));
        return ContrarianFlagLayer.evaluate(market.data(CONFIG), CONFIG.contrarian()).value();
    }

    @Test
    void flagsAnAiNameSpendingLessThanOnePointFivePercentOnResearch() {
        assertThat(contrarian(1.49, 100).flagged()).containsExactly("HYPE");
    }

    @Test
    void doesNotFlagResearchOfExactlyOnePointFivePercent() {
        assertThat(contrarian(1.5, 100).flagged()).isEmpty();
    }

    @Test
    void isUnknownWhenNoAiNameHasFigures() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.fundamental("HYPE", Fundamental.RESEARCH_AND_DEVELOPMENT));

        assertThat(ContrarianFlagLayer.evaluate(market.data(CONFIG), CONFIG.contrarian()).reasonOrEmpty())
                .contains("edgar:HYPE.rnd");
    }
}
