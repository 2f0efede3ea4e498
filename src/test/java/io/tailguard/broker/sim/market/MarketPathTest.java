package io.tailguard.broker.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketPathTest {

    /** Floating-point noise of a product of a few doubles. */
    private static final double EXACT = 1e-12;

    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();

    @Test
    void sameSeedGivesTheSamePathAndAnotherSeedAnother() {
        MarketModelConfig config = MarketModelConfig.defaults();
        LocalDate to = LocalDate.of(2026, 12, 31);
        List<PathDay> a = new MarketPath(config, calendar).days(LocalDate.of(2025, 1, 1), to);
        List<PathDay> b = new MarketPath(config, calendar).days(LocalDate.of(2025, 1, 1), to);
        List<PathDay> c = new MarketPath(config.withSeed(config.seed() + 1), calendar).days(LocalDate.of(2025, 1, 1), to);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).spx()).containsExactly(b.get(i).spx());
            assertThat(a.get(i).upro()).containsExactly(b.get(i).upro());
        }
        assertThat(c.get(c.size() - 1).spxClose()).isNotEqualTo(a.get(a.size() - 1).spxClose());
    }

    @Test
    void anchorsTheStartLevelsAtTheCloseBeforeTheStartDate() {
        MarketModelConfig config = MarketModelConfig.defaults();
        MarketPath path = new MarketPath(config, calendar);
        assertThat(path.anchorDate()).isEqualTo(LocalDate.of(2026, 11, 13));
        PathDay anchor = path.day(path.anchorDate());
        assertThat(anchor.spxClose()).isCloseTo(5900, within(1e-9));
        assertThat(anchor.uproClose()).isCloseTo(80, within(1e-9));
        assertThat(calendar.tradingDaysBetween(path.historyStart(), path.anchorDate())).isEqualTo(299);
    }

    @Test
    void startsEverySeedAtTheConfiguredSpotVolUnlessFree() {
        for (long seed = 1; seed <= 5; seed++) {
            MarketModelConfig config = MarketModelConfig.defaults().withSeed(seed);
            MarketPath path = new MarketPath(config, calendar);
            assertThat(Math.sqrt(path.day(path.anchorDate()).varianceClose())).isCloseTo(config.startVol(), within(EXACT));
        }
        MarketPath free = new MarketPath(MarketModelConfig.defaults().withSeed(2).withStartVol(0), calendar);
        assertThat(Math.sqrt(free.day(free.anchorDate()).varianceClose())).isNotCloseTo(0.15, within(1e-6));
    }

    @Test
    void uproReturnsThreeTimesSpxMinusTheDragEveryDay() {
        MarketModelConfig config = MarketModelConfig.defaults();
        List<PathDay> days = new MarketPath(config, calendar).days(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 3, 1));
        for (int i = 1; i < days.size(); i++) {
            double spx = days.get(i).spxClose() / days.get(i - 1).spxClose() - 1;
            double upro = days.get(i).uproClose() / days.get(i - 1).uproClose() - 1;
            assertThat(upro).as(days.get(i).date().toString()).isCloseTo(3 * spx - config.uproDragPerDay(), within(EXACT));
        }
    }

    @Test
    void losesToVolatilityDecayOverAFlatButChoppyPath() {
        MarketModelConfig config = MarketModelConfig.defaults();
        MarketPath path = new MarketPath(config, calendar);
        List<PathDay> days = path.days(path.historyStart(), path.anchorDate());
        double spxGrowth = days.get(days.size() - 1).spxClose() / days.get(0).spxClose();
        double uproGrowth = days.get(days.size() - 1).uproClose() / days.get(0).uproClose();
        assertThat(uproGrowth).as("3x daily compounding with drag and variance lags spx^3")
                .isLessThan(Math.pow(spxGrowth, 3));
    }

    @Test
    void refusesToScriptTheAnchoredHistory() {
        MarketPath path = new MarketPath(MarketModelConfig.defaults(), calendar);
        assertThatThrownBy(() -> path.scriptUproCloses(LocalDate.of(2026, 11, 13), List.of(70.0)))
                .hasMessageContaining("anchor");
        assertThatThrownBy(() -> path.scriptUproCloses(LocalDate.of(2026, 11, 26), List.of(70.0)))
                .hasMessageContaining("not a trading day");
    }
}
