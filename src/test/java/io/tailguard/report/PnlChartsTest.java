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
import io.tailguard.schedule.ExchangeCalendar;
import java.awt.Graphics2D;
import java.awt.Paint;
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
import org.jfree.chart.plot.XYPlot;
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

    private static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(PnlCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PnlCharts.HEIGHT);
    }

    @Test
    void drawsTheCumulativeAndWeeklyChartsOfTheClosedCycles() throws IOException {
        f.referenceWeekClosed();
        f.secondWeekClosed();
        assertPng(PnlCharts.cumulative(report.closedCycles(), dir.resolve("reports/cumulative.png")));
        assertPng(PnlCharts.weeklyBars(report.closedResults(), dir.resolve("reports/weekly.png")));
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
    void drawsACyclesRealizedOutcomeOnItsPayoffAtExpiry() throws IOException {
        f.referenceWeekClosed();
        PnlReport.CycleView v = report.cycle(ReferenceWeek.CYCLE).orElseThrow();
        assertPng(PnlCharts.cyclePayoff(v.cycle(), report.entries(ReferenceWeek.CYCLE), v.pnl().orElseThrow(),
                dir.resolve("cycle.png")));
    }
}
