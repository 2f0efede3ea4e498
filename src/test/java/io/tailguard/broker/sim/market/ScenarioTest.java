package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.domain.DailyBar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void scriptedBadWeekTakesUproFrom7979To7306WithSpxConsistent() {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        MarketModelConfig config = Scenarios.referenceBadWeekConfig(MarketModelConfig.defaults(), monday);
        ModelMarket m = ModelMarket.create(config);
        Scenarios.applyReferenceBadWeek(m, monday);
        assertThat(m.quote(Underlying.UPRO.conId()).orElseThrow().last()).isGreaterThan(70);

        m.clock().setTo(ny("2026-11-20", 16, 30));
        assertThat(m.level(Underlying.UPRO)).isCloseTo(73.06, within(1e-9));
        List<DailyBar> upro = m.dailyBars(Underlying.UPRO.conId(), 6);
        List<DailyBar> spx = m.dailyBars(Underlying.SPX.conId(), 6);
        assertThat(upro.get(0).close()).isEqualTo(79.79);
        assertThat(upro.get(5).close()).isEqualTo(73.06);
        assertThat(upro.get(5).close() / upro.get(0).close() - 1).isCloseTo(-0.084, within(0.001));
        double drag = config.uproDragPerDay();
        for (int i = 1; i < 6; i++) {
            double uproReturn = upro.get(i).close() / upro.get(i - 1).close() - 1;
            double spxReturn = spx.get(i).close() / spx.get(i - 1).close() - 1;
            // bars are rounded to cents: SPX ~5900 loses 1e-6 of relative precision
            assertThat(spxReturn).isCloseTo((uproReturn + drag) / 3, within(1e-5));
        }
    }

    @Test
    void scriptingLaterDaysLeavesEarlierOnesAlone() {
        ModelMarket m = MarketFixtures.marketAt("2026-11-16", 9, 30);
        m.clock().setTo(ny("2026-11-17", 16, 30));
        List<DailyBar> before = m.dailyBars(Underlying.SPX.conId(), 3);
        m.scriptUproCloses(LocalDate.of(2026, 11, 18), List.of(60.0));
        assertThat(m.dailyBars(Underlying.SPX.conId(), 3)).isEqualTo(before);
        m.clock().setTo(ny("2026-11-18", 16, 30));
        assertThat(m.level(Underlying.UPRO)).isCloseTo(60.0, within(1e-9));
    }
}
