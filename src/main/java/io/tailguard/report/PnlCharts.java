package io.tailguard.report;

import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.CyclePnlCalculator;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.Positions;
import io.tailguard.ledger.Valuation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of the P&amp;L, drawn headless: cumulative P&amp;L hedged vs unhedged, weekly bars hedged vs
 * unhedged, and a cycle's payoff at expiry with its realized outcome.
 */
public final class PnlCharts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PnlCharts() {
    }

    /** Cumulative P&amp;L in USD over the closed cycles, hedged and unhedged. */
    public static Path cumulative(List<CyclePnl> weeks, Path file) {
        XYSeries hedged = new XYSeries("hedged");
        XYSeries unhedged = new XYSeries("unhedged");
        BigDecimal h = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        hedged.add(0, 0);
        unhedged.add(0, 0);
        for (int i = 0; i < weeks.size(); i++) {
            h = h.add(weeks.get(i).net());
            u = u.add(weeks.get(i).unhedged());
            hedged.add(i + 1, h.doubleValue());
            unhedged.add(i + 1, u.doubleValue());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(hedged);
        data.addSeries(unhedged);
        JFreeChart chart = ChartFactory.createXYLineChart("Cumulative P&L, hedged vs unhedged", "cycle",
                "USD", data, PlotOrientation.VERTICAL, true, false, false);
        return save(chart, file);
    }

    /** Each closed cycle's return, hedged next to unhedged. */
    public static Path weeklyBars(List<CyclePnl> weeks, Path file) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CyclePnl w : weeks) {
            data.addValue(CyclePnl.percent(w.hedgedReturn(), 2), "hedged", w.cycleId());
            data.addValue(CyclePnl.percent(w.unhedgedReturn(), 2), "unhedged", w.cycleId());
        }
        JFreeChart chart = ChartFactory.createBarChart("Weekly return, hedged vs unhedged", "cycle", "% of position",
                data, PlotOrientation.VERTICAL, true, false, false);
        return save(chart, file);
    }

    /**
     * The cycle's payoff at expiry against the underlying's close, and where it really ended. The curve
     * values the positions held into expiry at intrinsic value with the same calculator as the result; the
     * index (XSP) level is mapped from the underlying by its leverage: {@code index = index0 × (1 + r / 3)}.
     * Without the cycle's index level at the start, index options are drawn at their realized value.
     */
    public static Path cyclePayoff(HedgeCycle cycle, List<LedgerEntry> entries, CyclePnl realized, Path file) {
        List<LedgerEntry> held = entries.stream().filter(e -> switch (e.type()) {
            case CASH_SETTLEMENT, EXPIRY, ASSIGNMENT, ASSIGNED_SHARES -> false;
            default -> true;
        }).toList();
        Map<String, Instrument> instruments = Positions.instruments(held);
        Map<String, BigDecimal> open = Positions.open(held);
        Map<String, BigDecimal> realizedPerUnit = realizedOptionValues(entries);
        XYSeries payoff = new XYSeries("hedged at expiry");
        XYSeries unhedged = new XYSeries("unhedged");
        double p0 = cycle.priceStart().doubleValue();
        for (int step = 0; step <= 60; step++) {
            BigDecimal u = BigDecimal.valueOf(p0 * (0.70 + step * 0.01));
            Map<String, BigDecimal> prices = new HashMap<>();
            for (String key : open.keySet()) {
                Instrument i = instruments.get(key);
                if (!i.isOption()) {
                    continue;
                }
                if (i.symbol().equals(cycle.underlying())) {
                    prices.put(key, i.intrinsicAt(u));
                } else if (cycle.indexStart() != null) {
                    BigDecimal r = u.divide(cycle.priceStart(), MathContext.DECIMAL64).subtract(BigDecimal.ONE);
                    BigDecimal index = cycle.indexStart().multiply(BigDecimal.ONE.add(r.divide(BigDecimal.valueOf(3),
                            MathContext.DECIMAL64)));
                    prices.put(key, i.intrinsicAt(index));
                } else {
                    prices.put(key, realizedPerUnit.getOrDefault(key, BigDecimal.ZERO));
                }
            }
            CyclePnl at = CyclePnlCalculator.DEFAULT.compute(cycle, held, new Valuation(u, prices),
                    realized.commitment());
            payoff.add(u.doubleValue(), at.net().doubleValue());
            unhedged.add(u.doubleValue(), at.unhedged().doubleValue());
        }
        XYSeries outcome = new XYSeries("realized");
        outcome.add(realized.endPrice().doubleValue(), realized.net().doubleValue());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(payoff);
        data.addSeries(unhedged);
        data.addSeries(outcome);
        JFreeChart chart = ChartFactory.createXYLineChart("Cycle " + cycle.id() + ": payoff at expiry and realized "
                + "outcome", cycle.underlying() + " at expiry", "USD", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(2, Color.BLACK);
        plot.setRenderer(renderer);
        ValueMarker start = new ValueMarker(p0, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(start);
        return save(chart, file);
    }

    /** What each settled option was worth per unit (its settlement price, 0 if it expired or was assigned). */
    private static Map<String, BigDecimal> realizedOptionValues(List<LedgerEntry> entries) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.type() == EntryType.CASH_SETTLEMENT || e.type() == EntryType.EXPIRY
                    || e.type() == EntryType.ASSIGNMENT) {
                values.put(e.instrument().key(), e.price());
            }
        }
        return values;
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
