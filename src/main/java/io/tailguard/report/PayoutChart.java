package io.tailguard.report;

import io.tailguard.pricing.montecarlo.HedgeStructure;
import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.OptionLeg;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The payout chart of a weekly hedge: P&amp;L of the position at expiry against the UPRO price, hedged
 * and unhedged, drawn as payoff lines (XSP taken to move a third of UPRO's percentage move) over a cloud
 * of the simulated paths (which carry the real tracking between the two).
 */
public final class PayoutChart {
    private static final int CLOUD_POINTS = 4000;

    private PayoutChart() {
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

    public static Path write(Path file, String title, HedgeStructure structure, JointScenarios sc, double leverage) {
        System.setProperty("java.awt.headless", "true");
        double u0 = sc.uproSpot();
        double x0 = sc.spxSpot() * HedgeUnderlying.XSP_PER_SPX;
        XYSeries cloud = new XYSeries("simulated paths (hedged)", false);
        int step = Math.max(1, sc.pathCount() / CLOUD_POINTS);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int p = 0; p < sc.pathCount(); p += step) {
            cloud.add(sc.uproTerminal(p), pnlOnPath(structure, sc, p));
            lo = Math.min(lo, sc.uproTerminal(p));
            hi = Math.max(hi, sc.uproTerminal(p));
        }
        XYSeries hedged = new XYSeries("hedged at expiry", false);
        XYSeries unhedged = new XYSeries("unhedged", false);
        for (int i = 0; i <= 200; i++) {
            double u = lo + (hi - lo) * i / 200.0;
            double x = x0 * (1 + (u / u0 - 1) / leverage);
            hedged.add(u, pnlAt(structure, u0, u, x));
            unhedged.add(u, pnlAt(structure.unhedged(), u0, u, x));
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(hedged);
        lines.addSeries(unhedged);
        XYSeriesCollection points = new XYSeriesCollection(cloud);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis("UPRO at expiry (USD)"));
        NumberAxis pnlAxis = new NumberAxis("P&L of the position (USD)");
        plot.setRangeAxis(pnlAxis);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, new Color(0, 90, 200));
        lineRenderer.setSeriesPaint(1, new Color(200, 40, 40));
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, new Color(120, 120, 120, 60));
        dotRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        plot.setDataset(1, points);
        plot.setRenderer(1, dotRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 620);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
