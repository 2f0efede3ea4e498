package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.signals.SignalSeries.Fundamental;
import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashFlowDurabilityScreenTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();

    /** A market where XOM's figures are replaced by the given ones (MSFT keeps passing). */
    private static CashFlowDurabilityScreen.Result screen(double revenue, double ocf, double capex, double debt,
            double operatingIncome, double depreciation) {
        MarketFixture market = new MarketFixture();
        for (Fundamental f : Fundamental.values()) {
            market.omitted.add(SignalSeries.fundamental("XOM", f));
        }
        market.extra.addAll(MarketFixture.fundamentals("XOM", revenue, ocf, capex, 0, debt, operatingIncome, depreciation));
        return CashFlowDurabilityScreen.evaluate(market.data(CONFIG), CONFIG.cashFlowDurability()).value();
    }

    @Test
    void passesAFirmWithHighFreeCashFlowMarginAndLowLeverage() {
        CashFlowDurabilityScreen.Result result = screen(100, 30, 10, 20, 15, 5);

        assertThat(result.screened().get("XOM").fcfMargin()).isCloseTo(0.20, within(1e-12));
        assertThat(result.screened().get("XOM").debtToEbitda()).isCloseTo(1.0, within(1e-12));
        assertThat(result.passing()).containsExactly("MSFT", "XOM");
    }

    @Test
    void failsAFreeCashFlowMarginOfExactlyFifteenPercent() {
        assertThat(screen(100, 25, 10, 20, 15, 5).passing()).doesNotContain("XOM");
        assertThat(screen(100, 25.01, 10, 20, 15, 5).passing()).contains("XOM");
    }

    @Test
    void failsDebtOfExactlyThreeTimesEbitda() {
        assertThat(screen(100, 30, 10, 60, 15, 5).passing()).doesNotContain("XOM");
        assertThat(screen(100, 30, 10, 59.9, 15, 5).passing()).contains("XOM");
    }

    @Test
    void failsAFirmWithNegativeEbitdaWhateverItsDebt() {
        CashFlowDurabilityScreen.Result result = screen(100, 30, 10, 0, -10, 5);

        assertThat(result.screened().get("XOM").positiveEbitda()).isFalse();
        assertThat(result.passing()).doesNotContain("XOM");
    }

    @Test
    void ignoresA10KFiledAfterTheSnapshotDate() {
        MarketFixture market = new MarketFixture();
        market.extra.addAll(MarketFixture.fundamentals("XOM", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 11, 21),
                100, 0, 50, 0, 900, 1, 1));

        CashFlowDurabilityScreen.Result result =
                CashFlowDurabilityScreen.evaluate(market.data(CONFIG), CONFIG.cashFlowDurability()).value();
        CashFlowDurabilityScreen.Result baseline =
                CashFlowDurabilityScreen.evaluate(new MarketFixture().data(CONFIG), CONFIG.cashFlowDurability()).value();

        assertThat(result).isEqualTo(baseline);
    }

    @Test
    void refusesToMixFiscalYearsAcrossFigures() {
        MarketFixture market = new MarketFixture();
        market.extra.add(new Observation(SignalSeries.fundamental("XOM", Fundamental.DEBT), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 10, 30), 10));

        CashFlowDurabilityScreen.Result result =
                CashFlowDurabilityScreen.evaluate(market.data(CONFIG), CONFIG.cashFlowDurability()).value();

        assertThat(result.unscreened().get("XOM")).contains("different fiscal years");
        assertThat(result.detail().notes()).anySatisfy(n -> assertThat(n).startsWith("XOM unscreened"));
    }

    @Test
    void isUnknownWhenNoFirmHasFigures() {
        MarketFixture market = new MarketFixture();
        for (String t : List.of("MSFT", "XOM")) {
            for (Fundamental f : Fundamental.values()) {
                market.omitted.add(SignalSeries.fundamental(t, f));
            }
        }

        assertThat(CashFlowDurabilityScreen.evaluate(market.data(CONFIG), CONFIG.cashFlowDurability()).reasonOrEmpty())
                .contains("no firm could be screened", "MSFT", "XOM");
    }
}
