package io.tailguard.report;

import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.pricing.montecarlo.HedgeStructure;
import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.OptionLeg;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The payout chart of a weekly hedge: P&amp;L of the position at expiry against the UPRO price, hedged
 * and unhedged, drawn as payoff lines (XSP taken to move a third of UPRO's percentage move) over a cloud
 * of the simulated paths (which carry the real tracking between the two), with the loss tolerance the
 * structure was held to. A roll that found nothing within the tolerance draws its closest structure under
 * a title that says it is not feasible and not proposed.
 */
public final class PayoutChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 620;
    private static final int CLOUD_POINTS = 4000;

    private PayoutChart() {
    }

    /**
     * What one chart shows.
     *
     * @param subtitle the structure and its figures, under the title
     * @param hedgedLabel the legend of the structure's line
     * @param cloudLabel the legend of the simulated paths (the structure's P&amp;L on each)
     * @param toleranceUsd the loss tolerance drawn as a line at minus it; NaN: none drawn
     * @param toleranceLabel the legend of that line
     */
    public record View(String title, String subtitle, String hedgedLabel, String cloudLabel, HedgeStructure structure,
            JointScenarios scenarios, double leverage, double toleranceUsd, String toleranceLabel) {
        public View withTitle(String newTitle) {
            return new View(newTitle, subtitle, hedgedLabel, cloudLabel, structure, scenarios, leverage, toleranceUsd,
                    toleranceLabel);
        }

        public View {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(structure, "structure");
            Objects.requireNonNull(scenarios, "scenarios");
            if (!(leverage > 0)) {
                throw new IllegalArgumentException("leverage must be positive: " + leverage);
            }
        }
    }

    /**
     * The chart of one roll: the proposed structure, or when nothing was within the tolerance the closest
     * one, marked "not feasible — not proposed", with the tolerance that would have let it pass.
     *
     * @param proposed whether the roll proposes the chosen structure (it does not when no UPRO is held)
     */
    public static View ofRoll(HedgeOptimization o, RollTolerance tolerance, LocalDate expiry, boolean proposed,
            double leverage) {
        String head = "Weekly XSP hedge to " + expiry;
        String toleranceLabel = String.format(Locale.ROOT, "loss tolerance: %s loss within %,.0f USD (%.2f%% of the "
                + "position)", o.measure(), o.toleranceUsd(), tolerance.fractionOfPosition() * 100);
        if (o.decision() instanceof HedgeDecision.NoFeasibleHedge none) {
            StructureStatistics s = none.closest();
            RollTolerance feasible = tolerance.covering(none.feasibleToleranceUsd());
            String subtitle = String.format(Locale.ROOT, "closest: %s — %s loss %,.0f USD > tolerance %,.0f USD; "
                    + "feasible from %.2f%% of the position", ProposalBuilder.describe(s), o.measure(),
                    none.feasibleToleranceUsd(), o.toleranceUsd(), feasible.fractionOfPosition() * 100);
            return new View(head + ": not feasible — not proposed", subtitle,
                    "closest structure at expiry (not proposed)", "simulated paths (closest structure)",
                    s.structure(), o.scenarios(), leverage,
                    o.toleranceUsd(), toleranceLabel);
        }
        StructureStatistics s = ((HedgeDecision.Chosen) o.decision()).best();
        String subtitle = String.format(Locale.ROOT, "%s; %s loss %,.0f USD within %,.0f USD; expected %,.0f USD "
                + "(unhedged %,.0f)", ProposalBuilder.describe(s), o.measure(), -o.measure().of(s.hedged()),
                o.toleranceUsd(), s.hedged().expected(), s.unhedged().expected());
        return new View(head + (proposed ? ": proposed" : ": within the tolerance, not proposed (no UPRO held)"),
                subtitle, "hedged at expiry", "simulated paths (hedged)", s.structure(), o.scenarios(), leverage,
                o.toleranceUsd(), toleranceLabel);
    }

    /** P&amp;L of a structure on one simulated path. */
    public static double pnlOnPath(HedgeStructure s, JointScenarios sc, int path) {
        return pnlAt(s, sc.uproSpot(), sc.uproTerminal(path), sc.spxTerminal(path) * HedgeUnderlying.XSP_PER_SPX);
    }

    /** P&amp;L of a structure at expiry for given UPRO and XSP settlement levels. */
    public static double pnlAt(HedgeStructure s, double upro0, double uproT, double xspT) {
        double pnl = s.openingCashFlow() + s.uproShares() * (uproT - upro0);
        for (OptionLeg leg : s.legs()) {
            pnl += leg.payoffAt(leg.underlying() == HedgeUnderlying.XSP ? xspT : uproT);
        }
        return pnl;
    }

    public static Path write(Path file, View view) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(file.toFile(), chart(view), WIDTH, HEIGHT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static JFreeChart chart(View view) {
        System.setProperty("java.awt.headless", "true");
        JointScenarios sc = view.scenarios();
        HedgeStructure structure = view.structure();
        double u0 = sc.uproSpot();
        double x0 = sc.spxSpot() * HedgeUnderlying.XSP_PER_SPX;
        XYSeries cloud = new XYSeries(view.cloudLabel(), false);
        int step = Math.max(1, sc.pathCount() / CLOUD_POINTS);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int p = 0; p < sc.pathCount(); p += step) {
            cloud.add(sc.uproTerminal(p), pnlOnPath(structure, sc, p));
            lo = Math.min(lo, sc.uproTerminal(p));
            hi = Math.max(hi, sc.uproTerminal(p));
        }
        XYSeries hedged = new XYSeries(view.hedgedLabel(), false);
        XYSeries unhedged = new XYSeries("unhedged", false);
        for (int i = 0; i <= 200; i++) {
            double u = lo + (hi - lo) * i / 200.0;
            double x = x0 * (1 + (u / u0 - 1) / view.leverage());
            hedged.add(u, pnlAt(structure, u0, u, x));
            unhedged.add(u, pnlAt(structure.unhedged(), u0, u, x));
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(hedged);
        lines.addSeries(unhedged);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, ChartStyle.HEDGED);
        lineRenderer.setSeriesPaint(1, ChartStyle.UNHEDGED);
        lineRenderer.setSeriesStroke(0, ChartStyle.HEDGED_STROKE);
        lineRenderer.setSeriesStroke(1, ChartStyle.UNHEDGED_STROKE);
        if (!Double.isNaN(view.toleranceUsd())) {
            // a series rather than a marker, so that the legend names it in its own colour
            XYSeries tolerance = new XYSeries(view.toleranceLabel(), false);
            tolerance.add(lo, -view.toleranceUsd());
            tolerance.add(hi, -view.toleranceUsd());
            lines.addSeries(tolerance);
            lineRenderer.setSeriesPaint(2, ChartStyle.LOSS_TOLERANCE);
            lineRenderer.setSeriesStroke(2, ChartStyle.DASHED);
        }
        XYPlot plot = new XYPlot();
        NumberAxis uproAxis = new NumberAxis("UPRO at expiry (USD)");
        uproAxis.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(uproAxis);
        plot.setRangeAxis(new NumberAxis("P&L of the position (USD)"));
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, ChartStyle.SIMULATED_PATHS);
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        plot.setDataset(1, new XYSeriesCollection(cloud));
        plot.setRenderer(1, dotRenderer);
        JFreeChart chart = new JFreeChart(view.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (view.subtitle() != null) {
            chart.addSubtitle(new TextTitle(view.subtitle(), new Font("SansSerif", Font.PLAIN, 13)));
        }
        return ChartStyle.plain(chart);
    }
}
