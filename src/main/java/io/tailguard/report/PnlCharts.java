package io.tailguard.report;

import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.LedgerEntry;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of the P&amp;L, drawn headless: cumulative P&amp;L hedged vs unhedged over the cycles' expiry
 * dates, weekly bars hedged vs unhedged, and a cycle's payoff at expiry with its realized outcome. Colours
 * mean the same in every chart ({@link ChartStyle}).
 */
public final class PnlCharts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;
    static final String DATE_PATTERN = "yyyy-MM-dd";
    static final String EXPIRY_AXIS = "expiry of each cycle (from the first cycle's start)";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PnlCharts() {
    }

    /** Cumulative P&amp;L in USD over the closed cycles, hedged and unhedged, against their expiry dates. */
    public static Path cumulative(List<PnlReport.CycleView> closed, Path file) {
        return cumulative(closed, file, "");
    }

    /** As above, the title starting with {@code titlePrefix} (e.g. "DEMO "). */
    public static Path cumulative(List<PnlReport.CycleView> closed, Path file, String titlePrefix) {
        return save(cumulativeChart(closed, titlePrefix), file);
    }

    /**
     * The cumulative chart: one point per closed cycle at its expiry (when its options settled and its
     * result was known), starting from zero on the day the first cycle opened.
     */
    static JFreeChart cumulativeChart(List<PnlReport.CycleView> closed, String titlePrefix) {
        XYSeries hedged = new XYSeries("hedged", true, true);
        XYSeries unhedged = new XYSeries("unhedged", true, true);
        if (!closed.isEmpty()) {
            long origin = millis(closed.get(0).cycle().openedAt().atZone(NEW_YORK).toLocalDate());
            hedged.add(origin, 0);
            unhedged.add(origin, 0);
        }
        BigDecimal h = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        for (PnlReport.CycleView v : closed) {
            CyclePnl pnl = v.pnl().orElseThrow(() -> new IllegalArgumentException(v.cycle().id() + " has no result"));
            h = h.add(pnl.net());
            u = u.add(pnl.unhedged());
            long expiry = millis(v.cycle().expiry());
            hedged.add(expiry, h.doubleValue());
            unhedged.add(expiry, u.doubleValue());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(hedged);
        data.addSeries(unhedged);
        JFreeChart chart = ChartFactory.createXYLineChart(titlePrefix + "Cumulative P&L, hedged vs unhedged",
                EXPIRY_AXIS, "USD", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DateAxis expiries = expiryAxis(EXPIRY_AXIS);
        // the fonts of the axis the chart factory made, like the range axis beside it
        expiries.setLabelFont(plot.getDomainAxis().getLabelFont());
        expiries.setTickLabelFont(plot.getDomainAxis().getTickLabelFont());
        plot.setDomainAxis(expiries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.HEDGED);
        renderer.setSeriesStroke(0, ChartStyle.HEDGED_STROKE);
        renderer.setSeriesPaint(1, ChartStyle.UNHEDGED);
        renderer.setSeriesStroke(1, ChartStyle.UNHEDGED_STROKE);
        plot.setRenderer(renderer);
        return ChartStyle.plain(chart);
    }

    /**
     * A date axis in New York time whose ticks are whole days or longer, labelled as dates: a handful of
     * weekly cycles would otherwise get hour ticks.
     */
    private static DateAxis expiryAxis(String label) {
        DateAxis axis = new DateAxis(label, TimeZone.getTimeZone(NEW_YORK), Locale.ROOT);
        TickUnits units = new TickUnits();
        for (int days : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, dateFormat()));
        }
        for (int months : new int[] {1, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, dateFormat()));
        }
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 1, dateFormat()));
        axis.setStandardTickUnits(units);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        return axis;
    }

    private static SimpleDateFormat dateFormat() {
        SimpleDateFormat f = new SimpleDateFormat(DATE_PATTERN, Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone(NEW_YORK));
        return f;
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
    }

    /** Each closed cycle's return, hedged next to unhedged. */
    public static Path weeklyBars(List<CyclePnl> weeks, Path file) {
        return weeklyBars(weeks, file, "");
    }

    /** As above, the title starting with {@code titlePrefix} (e.g. "DEMO "). */
    public static Path weeklyBars(List<CyclePnl> weeks, Path file, String titlePrefix) {
        return save(weeklyBarsChart(weeks, titlePrefix), file);
    }

    static JFreeChart weeklyBarsChart(List<CyclePnl> weeks, String titlePrefix) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CyclePnl w : weeks) {
            data.addValue(CyclePnl.percent(w.hedgedReturn(), 2), "hedged", w.cycleId());
            data.addValue(CyclePnl.percent(w.unhedgedReturn(), 2), "unhedged", w.cycleId());
        }
        JFreeChart chart = ChartFactory.createBarChart(titlePrefix + "Weekly return, hedged vs unhedged", "cycle",
                "% of position", data, PlotOrientation.VERTICAL, true, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.HEDGED);
        renderer.setSeriesPaint(1, ChartStyle.UNHEDGED);
        return ChartStyle.plain(chart);
    }

    /**
     * The cycle's payoff at expiry against the underlying's close, and where it really ended. See
     * {@link CyclePayoffLines#of} for how the line is valued; the realized point lies on the hedged line.
     */
    public static Path cyclePayoff(HedgeCycle cycle, List<LedgerEntry> entries, CyclePnl realized, Path file) {
        return save(cyclePayoffChart(cycle, entries, realized), file);
    }

    /**
     * The payoff chart; its two vertical lines (the underlying's price at the start of the cycle and, when it
     * differs, at the hedge's execution) are named in the legend beside the series.
     */
    static JFreeChart cyclePayoffChart(HedgeCycle cycle, List<LedgerEntry> entries, CyclePnl realized) {
        CyclePayoffLines lines = CyclePayoffLines.of(cycle, entries, realized);
        XYSeries payoff = new XYSeries("hedged at expiry", true, false);
        XYSeries unhedged = new XYSeries("unhedged", true, false);
        for (int i = 0; i < lines.underlying().size(); i++) {
            payoff.add(lines.underlying().get(i), lines.hedged().get(i));
            unhedged.add(lines.underlying().get(i), lines.unhedged().get(i));
        }
        XYSeries outcome = new XYSeries(cycle.isOpen() ? "marked" : "realized");
        outcome.add(lines.realizedX(), lines.realizedY());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(payoff);
        data.addSeries(unhedged);
        data.addSeries(outcome);
        JFreeChart chart = ChartFactory.createXYLineChart((cycle.demo() ? "DEMO " : "") + "Cycle " + cycle.id()
                + ": payoff at expiry and " + (cycle.isOpen() ? "marked" : "realized") + " outcome",
                cycle.underlying() + " at expiry", "USD", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(0, ChartStyle.HEDGED);
        renderer.setSeriesStroke(0, ChartStyle.HEDGED_STROKE);
        renderer.setSeriesPaint(1, ChartStyle.UNHEDGED);
        renderer.setSeriesStroke(1, ChartStyle.UNHEDGED_STROKE);
        renderer.setSeriesPaint(2, ChartStyle.OUTCOME);
        renderer.setSeriesShape(2, new Ellipse2D.Double(-5, -5, 10, 10));
        plot.setRenderer(renderer);
        LegendItemCollection legend = new LegendItemCollection();
        legend.addAll(renderer.getLegendItems());
        String start = String.format(Locale.ROOT, "%s at the start of the cycle (%s)", cycle.underlying(),
                price(cycle.priceStart()));
        plot.addDomainMarker(new ValueMarker(cycle.priceStart().doubleValue(), ChartStyle.CYCLE_START,
                ChartStyle.MARKER_STROKE));
        legend.add(ChartStyle.lineItem(start, ChartStyle.CYCLE_START, ChartStyle.MARKER_STROKE));
        if (cycle.indexStart() != null && cycle.underlyingAtIndexStart().compareTo(cycle.priceStart()) != 0) {
            // the hedge's execution, when the cycle started at another price
            plot.addDomainMarker(new ValueMarker(cycle.underlyingAtIndexStart().doubleValue(),
                    ChartStyle.HEDGE_EXECUTED, ChartStyle.DASHED));
            legend.add(ChartStyle.lineItem(String.format(Locale.ROOT, "%s when the hedge executed (%s)",
                    cycle.underlying(), price(cycle.underlyingAtIndexStart())), ChartStyle.HEDGE_EXECUTED,
                    ChartStyle.DASHED));
        }
        plot.setFixedLegendItems(legend);
        return ChartStyle.plain(chart);
    }

    /** A price as the trader reads it: at least to the cent, no trailing zeros beyond. */
    private static String price(BigDecimal p) {
        BigDecimal stripped = p.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }

    private static Path save(JFreeChart chart, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}
