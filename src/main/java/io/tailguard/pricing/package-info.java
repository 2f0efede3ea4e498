/**
 * Black-Scholes-Merton and American pricers, greeks, implied volatility and the weekly payoff Monte Carlo. Pure Java, no I/O.
 */
package io.tailguard.pricing;
