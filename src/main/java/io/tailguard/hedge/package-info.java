/**
 * The weekly XSP put / UPRO short-call hedge and its optimizer. Entry points:
 * {@link io.tailguard.hedge.HedgeOptimizer} (candidates on common random numbers, max expected gain within the
 * loss tolerance) and {@link io.tailguard.hedge.WeeklyHedgeConfig} (strategies/weekly-xsp-hedge.yaml).
 */
package io.tailguard.hedge;
