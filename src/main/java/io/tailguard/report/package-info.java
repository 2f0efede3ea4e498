/**
 * Reports: {@link io.tailguard.report.PnlReport} (what the P&amp;L reports show), rendered as text and CSV by
 * {@link io.tailguard.report.PnlText} and as PNG charts by {@link io.tailguard.report.PnlCharts}.
 */
package io.tailguard.report;
