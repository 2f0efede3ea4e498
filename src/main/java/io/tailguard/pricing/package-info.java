/**
 * Option pricing and the weekly payoff Monte Carlo. Pure Java, no I/O.
 *
 * <p>Entry points: {@link io.tailguard.pricing.BlackScholesMertonEuropeanPricer#DEFAULT} (XSP),
 * {@link io.tailguard.pricing.LeisenReimerAmericanPricer#DEFAULT} (UPRO), both
 * {@link io.tailguard.pricing.VanillaOptionPricer}s, and
 * {@link io.tailguard.pricing.BlackImpliedVolatility#DEFAULT}. The Monte Carlo lives in
 * {@code pricing.montecarlo}; raw formulas in {@code pricing.impl}.
 */
package io.tailguard.pricing;
