package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.HedgeOptimizer;
import io.tailguard.hedge.LossMeasure;
import io.tailguard.hedge.QuotedStrike;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.SearchBounds;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.pricing.BlackScholesMertonEuropeanPricer;
import io.tailguard.pricing.OptionMarket;
import io.tailguard.pricing.VanillaOption;
import io.tailguard.pricing.montecarlo.JointScenarios;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** What the payout chart of a roll says: its title, its subtitle, its legend and the tolerance it draws. */
class PayoutChartTest {
    private static final long SHARES = 4000;
    private static final double UPRO = 80.0;
    private static final double XSP = 590.0;
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 11);

    /** One week of XSP puts at 16% IV, Black-Scholes with a 0.10 spread, optimized on 20,000 paths. */
    private static HedgeOptimization optimize(double toleranceUsd) {
        double t = 5 / 252.0;
        List<QuotedStrike> puts = new ArrayList<>();
        for (double k = 560; k <= 590; k += 5) {
            double p = BlackScholesMertonEuropeanPricer.DEFAULT.price(VanillaOption.put(k, t),
                    new OptionMarket(XSP, 0.04, 0.0, 0.16));
            puts.add(new QuotedStrike(k, Math.max(0, p - 0.05), p + 0.05));
        }
        HedgeMarket market = new HedgeMarket(UPRO, XSP, 0.16, EXPIRY, 5, puts, List.of());
        JointScenarios sc = HedgeOptimizer.simulate(market,
                new WeeklyHedgeConfig.SimulationConfig(20_000, 3, 4, 1, 0.07, 0.65),
                new WeeklyHedgeConfig.Underlying("UPRO", 3, 0.01), 0.16, 5, false);
        return new HedgeOptimizer().optimize(SHARES, market, sc, toleranceUsd, LossMeasure.P5,
                SearchBounds.putsOnly(0.93, 1.0, 17), 0.65);
    }

    private static RollTolerance tolerance(double fraction) {
        return new RollTolerance(fraction, SHARES * UPRO, 1.0);
    }

    @Test
    void anInfeasibleRollDrawsTheClosestStructureMarkedNotFeasibleAndNotProposedWithTheToleranceLine() {
        RollTolerance tolerance = tolerance(0.005);
        HedgeOptimization o = optimize(tolerance.usd());
        assertThat(o.decision()).isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
        RollTolerance feasible = tolerance.covering(
                ((HedgeDecision.NoFeasibleHedge) o.decision()).feasibleToleranceUsd());

        JFreeChart chart = PayoutChart.chart(PayoutChart.ofRoll(o, tolerance, EXPIRY, false, 3.0));

        assertThat(chart.getTitle().getText()).isEqualTo("Weekly XSP hedge to 2026-12-11: not feasible — not proposed");
        assertThat(subtitle(chart)).startsWith("closest: buy ").contains("> tolerance 1,600 USD")
                .endsWith(String.format("feasible from %.2f%% of the position", feasible.fractionOfPosition() * 100));
        assertThat(PnlChartsTest.legend(chart)).containsExactly(
                entry("closest structure at expiry (not proposed)", ChartStyle.HEDGED),
                entry("unhedged", ChartStyle.UNHEDGED),
                entry("loss tolerance: P5 loss within 1,600 USD (0.50% of the position)", ChartStyle.LOSS_TOLERANCE),
                entry("simulated paths (closest structure)", ChartStyle.SIMULATED_PATHS));
        XYDataset lines = chart.getXYPlot().getDataset(0);
        assertThat(lines.getSeriesKey(2)).asString().startsWith("loss tolerance");
        for (int i = 0; i < lines.getItemCount(2); i++) {
            assertThat(lines.getYValue(2, i)).isEqualTo(-tolerance.usd());
        }
    }

    @Test
    void aFeasibleRollIsTitledAsTheProposalWithItsFigures() {
        HedgeOptimization o = optimize(tolerance(0.04).usd());
        assertThat(o.decision()).isInstanceOf(HedgeDecision.Chosen.class);

        JFreeChart chart = PayoutChart.chart(PayoutChart.ofRoll(o, tolerance(0.04), EXPIRY, true, 3.0));

        assertThat(chart.getTitle().getText()).isEqualTo("Weekly XSP hedge to 2026-12-11: proposed");
        assertThat(subtitle(chart)).startsWith("buy ").contains("P5 loss").contains("within 12,800 USD");
        assertThat(PnlChartsTest.legend(chart).keySet()).containsExactly("hedged at expiry", "unhedged",
                "loss tolerance: P5 loss within 12,800 USD (4.00% of the position)", "simulated paths (hedged)");
    }

    @Test
    void aFeasibleStructureThatIsNotProposedSaysSo() {
        HedgeOptimization o = optimize(tolerance(0.04).usd());

        JFreeChart chart = PayoutChart.chart(PayoutChart.ofRoll(o, tolerance(0.04), EXPIRY, false, 3.0));

        assertThat(chart.getTitle().getText()).endsWith("within the tolerance, not proposed (no UPRO held)");
    }

    @Test
    void theDemosChartHasHedgedAndUnhedgedInTheSharedColoursAndNoToleranceLine() {
        HedgeOptimization o = optimize(tolerance(0.04).usd());

        JFreeChart chart = PayoutChart.chart(new PayoutChart.View("Demo", null, "hedged at expiry",
                "simulated paths (hedged)", ((HedgeDecision.Chosen) o.decision()).best().structure(), o.scenarios(),
                3.0, Double.NaN, null));

        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDataset(0).getSeriesCount()).isEqualTo(2);
        assertThat(PnlChartsTest.legend(chart)).containsEntry("hedged at expiry", ChartStyle.HEDGED)
                .containsEntry("unhedged", ChartStyle.UNHEDGED);
    }

    private static String subtitle(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitles().stream().filter(t -> t instanceof TextTitle).findFirst()
                .orElseThrow()).getText();
    }

    private static java.util.Map.Entry<String, java.awt.Paint> entry(String label, java.awt.Paint paint) {
        return java.util.Map.entry(label, paint);
    }
}
