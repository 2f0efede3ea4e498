package io.tailguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.ledger.BrokerFill;
import io.tailguard.ledger.CycleBooking;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.CyclePnlCalculator;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.Valuation;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.ledger.ReferenceWeek;
import io.tailguard.calendar.ExchangeCalendar;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PnlChartsTest {
    @TempDir
    Path dir;

    private final LedgerFixture f = new LedgerFixture();
    private final PnlReport report = new PnlReport(f.ledger, f.store);

    @AfterEach
    void close() {
        f.close();
    }

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " is a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(PnlCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PnlCharts.HEIGHT);
        return image;
    }

    @Test
    void theCumulativePngDrawsBothLinesThroughEveryCyclesPoint() throws IOException {
        f.referenceWeekClosed();
        f.secondWeekClosed();

        BufferedImage image = png(PnlCharts.cumulative(report.closedCycles(), dir.resolve("reports/cumulative.png")));

        // where the chart's axes put each point at the PNG's size; the file must show the line there
        JFreeChart chart = PnlCharts.cumulativeChart(report.closedCycles(), "");
        Rectangle2D area = dataArea(chart);
        XYDataset data = chart.getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(3);
        for (int i = 0; i < data.getItemCount(0); i++) {
            assertThat(colourNear(image, at(chart, area, data.getXValue(0, i), data.getYValue(0, i)),
                    ChartStyle.HEDGED)).as("hedged point " + i).isTrue();
        }
        // the first point (zero, zero) is both lines'; the hedged one is drawn over it
        for (int i = 1; i < data.getItemCount(1); i++) {
            assertThat(colourNear(image, at(chart, area, data.getXValue(1, i), data.getYValue(1, i)),
                    ChartStyle.UNHEDGED)).as("unhedged point " + i).isTrue();
        }
    }

    @Test
    void theWeeklyPngDrawsAHedgedAndAnUnhedgedBarForEachCycle() throws IOException {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        List<CyclePnl> weeks = report.closedResults();

        BufferedImage image = png(PnlCharts.weeklyBars(weeks, dir.resolve("reports/weekly.png")));

        JFreeChart chart = PnlCharts.weeklyBarsChart(weeks, "");
        Rectangle2D area = dataArea(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int column = 0; column < weeks.size(); column++) {
            for (int row = 0; row < 2; row++) {
                double x = plot.getDomainAxis().getCategorySeriesMiddle(column, weeks.size(), row, 2,
                        renderer.getItemMargin(), area, plot.getDomainAxisEdge());
                double value = plot.getDataset().getValue(row, column).doubleValue();
                // half way between zero and the bar's end: inside the bar, whichever way it points
                double y = plot.getRangeAxis().valueToJava2D(value / 2, area, plot.getRangeAxisEdge());
                Color expected = row == 0 ? ChartStyle.HEDGED : ChartStyle.UNHEDGED;
                assertThat(colourNear(image, new Point2D.Double(x, y), expected))
                        .as(weeks.get(column).cycleId() + (row == 0 ? " hedged" : " unhedged") + " bar").isTrue();
            }
        }
    }

    @Test
    void theCumulativeChartRunsOverTheCyclesExpiryDatesLabelledAsDates() {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        List<PnlReport.CycleView> closed = report.closedCycles();

        JFreeChart chart = PnlCharts.cumulativeChart(closed, "");

        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis()).isInstanceOf(DateAxis.class);
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesKey(0)).isEqualTo("hedged");
        assertThat(data.getSeriesKey(1)).isEqualTo("unhedged");
        // from zero on the day the first cycle opened, then one point per cycle at its expiry
        assertThat(dates(data, 0)).containsExactly(ReferenceWeek.MONDAY.atZone(ExchangeCalendar.NEW_YORK).toLocalDate(),
                ReferenceWeek.EXPIRY, ReferenceWeek.EXPIRY.plusDays(7));
        assertThat(data.getYValue(0, 0)).isZero();
        assertThat(data.getYValue(0, 2)).isEqualTo(closed.get(0).pnl().orElseThrow().net()
                .add(closed.get(1).pnl().orElseThrow().net()).doubleValue());
        assertThat(data.getYValue(1, 1)).isEqualTo(closed.get(0).pnl().orElseThrow().unhedged().doubleValue());
        List<String> ticks = tickLabels(chart, (DateAxis) plot.getDomainAxis());
        assertThat(ticks).isNotEmpty().allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2}"));
        // whole days (or longer) between the first cycle's start and the last expiry, never hours
        assertThat(ticks).doesNotHaveDuplicates()
                .allMatch(t -> !LocalDate.parse(t).isBefore(LocalDate.parse("2026-11-20"))
                        && !LocalDate.parse(t).isAfter(ReferenceWeek.EXPIRY.plusDays(10)));
    }

    @Test
    void aSingleWeekStillHasWholeDatesOnItsAxis() {
        f.referenceWeekClosed();

        JFreeChart chart = PnlCharts.cumulativeChart(report.closedCycles(), "DEMO ");

        assertThat(chart.getTitle().getText()).isEqualTo("DEMO Cumulative P&L, hedged vs unhedged");
        List<String> ticks = tickLabels(chart, (DateAxis) chart.getXYPlot().getDomainAxis());
        assertThat(ticks).isNotEmpty().allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(ticks).doesNotHaveDuplicates();
    }

    @Test
    void hedgedAndUnhedgedHaveTheSameColourInEveryChart() {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();

        JFreeChart cumulative = PnlCharts.cumulativeChart(report.closedCycles(), "");
        JFreeChart weekly = PnlCharts.weeklyBarsChart(report.closedResults(), "");
        JFreeChart cycle = PnlCharts.cyclePayoffChart(v.cycle(), report.entries(ReferenceWeek.CYCLE),
                v.pnl().orElseThrow());

        for (JFreeChart chart : List.of(cumulative, weekly, cycle)) {
            assertThat(legend(chart)).as(chart.getTitle().getText())
                    .containsEntry(hedgedLabel(chart), ChartStyle.HEDGED)
                    .containsEntry("unhedged", ChartStyle.UNHEDGED);
        }
    }

    @Test
    void theCycleChartNamesItsTwoVerticalLinesInTheLegend() {
        HedgeCycle closed = executedLate().closed(new BigDecimal("4000"), ReferenceWeek.UPRO_CLOSE,
                ReferenceWeek.FRIDAY_CLOSE);
        List<LedgerEntry> entries = week(closed, "573.00");
        CyclePnl realized = CyclePnlCalculator.DEFAULT.compute(closed, entries, Valuation.at(closed.priceEnd()),
                BigDecimal.ONE);

        JFreeChart chart = PnlCharts.cyclePayoffChart(closed, entries, realized);

        assertThat(chart.getTitle().getText()).isEqualTo("Cycle 2026-W48: payoff at expiry and realized outcome");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).hasSize(2);
        assertThat(legend(chart).keySet()).containsExactly("hedged at expiry", "unhedged", "realized",
                "UPRO at the start of the cycle (79.79)", "UPRO when the hedge executed (78.40)");
        assertThat(legend(chart)).containsEntry("UPRO at the start of the cycle (79.79)", ChartStyle.CYCLE_START)
                .containsEntry("UPRO when the hedge executed (78.40)", ChartStyle.HEDGE_EXECUTED);
    }

    @Test
    void aCycleHedgedAtItsStartPriceHasOneVerticalLineInTheLegend() {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();

        JFreeChart chart = PnlCharts.cyclePayoffChart(v.cycle(), report.entries(ReferenceWeek.CYCLE),
                v.pnl().orElseThrow());

        assertThat(legend(chart).keySet()).filteredOn(k -> k.startsWith("UPRO"))
                .containsExactly("UPRO at the start of the cycle (79.79)");
    }

    private static String hedgedLabel(JFreeChart chart) {
        return legend(chart).containsKey("hedged") ? "hedged" : "hedged at expiry";
    }

    /** Legend label to its colour, in the legend's order. */
    static Map<String, Paint> legend(JFreeChart chart) {
        LegendItemCollection items = chart.getPlot().getLegendItems();
        Map<String, Paint> out = new LinkedHashMap<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            out.put(item.getLabel(), item.isLineVisible() && !item.isShapeVisible() ? item.getLinePaint()
                    : item.getFillPaint());
        }
        return out;
    }

    private static List<LocalDate> dates(XYDataset data, int series) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            out.add(Instant.ofEpochMilli((long) data.getXValue(series, i)).atZone(ExchangeCalendar.NEW_YORK)
                    .toLocalDate());
        }
        return out;
    }

    /** The tick labels the axis draws at the chart's PNG size. */
    private static List<String> tickLabels(JFreeChart chart, DateAxis axis) {
        BufferedImage image = new BufferedImage(PnlCharts.WIDTH, PnlCharts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, PnlCharts.WIDTH, PnlCharts.HEIGHT), info);
        List<String> labels = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(),
                RectangleEdge.BOTTOM)) {
            labels.add(((Tick) tick).getText());
        }
        g2.dispose();
        return labels;
    }

    /**
     * The reference week, but its hedge executed after UPRO had already moved (79.79 at the start, 78.40
     * with XSP at 590.10 at the execution): the puts settle against 573.00, the calls expire.
     */
    private static List<LedgerEntry> week(HedgeCycle cycle, String settlement) {
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(CycleBooking.positionAtStart(cycle).withId(1));
        for (BrokerFill f : List.of(ReferenceWeek.putFill1(), ReferenceWeek.putFill2(), ReferenceWeek.callFill())) {
            CycleBooking.book(cycle.id(), f, booked).forEach(e -> booked.add(e.withId(booked.size() + 1)));
        }
        CycleBooking.cashSettlement(cycle.id(), ReferenceWeek.PUT_585, new BigDecimal(settlement),
                ReferenceWeek.FRIDAY_CLOSE, booked).forEach(e -> booked.add(e.withId(booked.size() + 1)));
        CycleBooking.expiry(cycle.id(), ReferenceWeek.CALL_84, ReferenceWeek.FRIDAY_CLOSE, booked)
                .forEach(e -> booked.add(e.withId(booked.size() + 1)));
        return booked;
    }

    private static HedgeCycle executedLate() {
        return ReferenceWeek.cycle().withIndexStart(new BigDecimal("590.10"))
                .withUnderlyingAtExecution(new BigDecimal("78.40"));
    }

    @Test
    void theRealizedPointLiesOnTheHedgedLineWhenUproMovedBeforeTheExecution() {
        HedgeCycle closed = executedLate().closed(new BigDecimal("4000"), ReferenceWeek.UPRO_CLOSE,
                ReferenceWeek.FRIDAY_CLOSE);
        List<LedgerEntry> entries = week(closed, "573.00");
        CyclePnl realized = CyclePnlCalculator.DEFAULT.compute(closed, entries, Valuation.at(closed.priceEnd()),
                BigDecimal.ONE);
        assertThat(realized.net()).isEqualByComparingTo("-9366.40");

        CyclePayoffLines lines = CyclePayoffLines.of(closed, entries, realized);

        assertThat(lines.realizedX()).isEqualTo(73.06);
        assertThat(lines.realizedY()).isEqualTo(-9366.40);
        assertThat(lines.hedgedAt(lines.realizedX())).isCloseTo(lines.realizedY(), within(0.01));
        // at the execution pair the puts (XSP 590.10) and the calls (UPRO 78.40) are out of the money:
        // 4,000 x (78.40 - 79.79) - 5,010.00 puts + 3,400.00 calls - 36.40 commissions
        assertThat(lines.hedgedAt(78.40)).isCloseTo(-7206.40, within(0.01));
        assertThat(lines.unhedged()).hasSameSizeAs(lines.underlying());
    }

    @Test
    void theRealizedPointLiesOnTheHedgedLineWhenThePutsEndOutOfTheMoney() {
        HedgeCycle closed = executedLate().closed(new BigDecimal("4000"), new BigDecimal("81.00"),
                ReferenceWeek.FRIDAY_CLOSE);
        List<LedgerEntry> entries = week(closed, "596.20");
        CyclePnl realized = CyclePnlCalculator.DEFAULT.compute(closed, entries, Valuation.at(closed.priceEnd()),
                BigDecimal.ONE);
        // 4,000 x (81.00 - 79.79) - 5,010.00 + 3,400.00 - 36.40
        assertThat(realized.net()).isEqualByComparingTo("3193.60");

        CyclePayoffLines lines = CyclePayoffLines.of(closed, entries, realized);

        assertThat(lines.hedgedAt(lines.realizedX())).isCloseTo(3193.60, within(0.01));
    }

    @Test
    void theCyclePngDrawsTheRealizedOutcomeOnItsPayoffAtExpiry() throws IOException {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();
        List<LedgerEntry> entries = report.entries(ReferenceWeek.CYCLE);
        CyclePnl realized = v.pnl().orElseThrow();

        BufferedImage image = png(PnlCharts.cyclePayoff(v.cycle(), entries, realized, dir.resolve("cycle.png")));

        JFreeChart chart = PnlCharts.cyclePayoffChart(v.cycle(), entries, realized);
        Rectangle2D area = dataArea(chart);
        CyclePayoffLines lines = CyclePayoffLines.of(v.cycle(), entries, realized);
        assertThat(colourNear(image, at(chart, area, lines.realizedX(), lines.realizedY()), ChartStyle.OUTCOME))
                .as("the realized point").isTrue();
        // both payoff lines, a quarter of the way along the underlying's range (away from the realized point)
        int i = lines.underlying().size() / 4;
        double underlying = lines.underlying().get(i);
        assertThat(colourNear(image, at(chart, area, underlying, lines.hedged().get(i)), ChartStyle.HEDGED))
                .as("the hedged payoff at " + underlying).isTrue();
        assertThat(colourNear(image, at(chart, area, underlying, lines.unhedged().get(i)), ChartStyle.UNHEDGED))
                .as("the unhedged payoff at " + underlying).isTrue();
    }

    /** The plot's data area when the chart is drawn at the PNG's size. */
    private static Rectangle2D dataArea(JFreeChart chart) {
        BufferedImage scratch = new BufferedImage(PnlCharts.WIDTH, PnlCharts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = scratch.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, PnlCharts.WIDTH, PnlCharts.HEIGHT), info);
        g2.dispose();
        return info.getPlotInfo().getDataArea();
    }

    /** Where an XY chart's axes put the point (x, y) in the image. */
    private static Point2D at(JFreeChart chart, Rectangle2D area, double x, double y) {
        XYPlot plot = chart.getXYPlot();
        return new Point2D.Double(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge()));
    }

    /** A pixel of (nearly, for anti-aliased edges) the colour within 3 pixels of the point. */
    private static boolean colourNear(BufferedImage image, Point2D p, Color colour) {
        int cx = (int) Math.round(p.getX());
        int cy = (int) Math.round(p.getY());
        for (int x = cx - 3; x <= cx + 3; x++) {
            for (int y = cy - 3; y <= cy + 3; y++) {
                if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
                    continue;
                }
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) <= 24 && Math.abs(c.getGreen() - colour.getGreen()) <= 24
                        && Math.abs(c.getBlue() - colour.getBlue()) <= 24) {
                    return true;
                }
            }
        }
        return false;
    }
}
