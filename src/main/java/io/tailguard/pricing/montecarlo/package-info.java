/**
 * The weekly payoff Monte Carlo: joint S&amp;P 500 / leveraged-ETF paths generated once per roll
 * ({@link io.tailguard.pricing.montecarlo.JointPathSimulator#DEFAULT}), then any number of candidate
 * {@link io.tailguard.pricing.montecarlo.HedgeStructure}s evaluated on those same paths by
 * {@link io.tailguard.pricing.montecarlo.MonteCarloHedgeStructurePricer#DEFAULT}.
 */
package io.tailguard.pricing.montecarlo;
