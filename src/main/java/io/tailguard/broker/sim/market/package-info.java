/**
 * The simulated market behind {@code SimGateway}: instrument universe with stable conIds, listed
 * expiries and strikes from the exchange calendar, a seeded stochastic-vol path with jumps, a vol
 * surface with skew and term structure, quotes with model greeks, a simulated clock (wall, a replay
 * chosen with {@link io.tailguard.broker.sim.market.SimClockSetting}, or manual) and daily-bar
 * history. Entry point: {@link io.tailguard.broker.sim.market.ModelMarket}.
 */
package io.tailguard.broker.sim.market;
