package io.tailguard.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * One colour per meaning across every chart tailguard draws (the payout of a roll, the P&amp;L charts, a
 * cycle's payoff), so that "hedged" is the same blue and "unhedged" the same red wherever a trader looks,
 * and the plain look they share: white plot, light grey grid.
 */
final class ChartStyle {
    /** The position with its options: the hedge's line, bar or points. */
    static final Color HEDGED = new Color(0, 90, 200);
    /** The shares alone, over the same prices. */
    static final Color UNHEDGED = new Color(200, 40, 40);
    /** The cloud of simulated paths behind a roll's payout. */
    static final Color SIMULATED_PATHS = new Color(120, 120, 120, 60);
    /** Where a cycle really ended (or was last marked). */
    static final Color OUTCOME = Color.BLACK;
    /** The loss the strategy tolerates. */
    static final Color LOSS_TOLERANCE = new Color(230, 120, 0);
    /** The underlying's price when the cycle started. */
    static final Color CYCLE_START = new Color(110, 110, 110);
    /** The underlying's price when the hedge executed. */
    static final Color HEDGE_EXECUTED = new Color(60, 60, 60);

    static final Stroke HEDGED_STROKE = new BasicStroke(2.5f);
    static final Stroke UNHEDGED_STROKE = new BasicStroke(2f);
    static final Stroke MARKER_STROKE = new BasicStroke(1.2f);
    static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ChartStyle() {
    }

    /** White background and light grey grid lines, on the chart and its plot. */
    static JFreeChart plain(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        return chart;
    }

    /** A legend entry drawn as a short line, for what is not a series (a marker line). */
    static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-7, 0, 7, 0), stroke, paint);
    }
}
