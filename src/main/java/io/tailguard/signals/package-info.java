/**
 * Signal layers (rates, valuation, volatility regime, hold/out) as pure functions of point-in-time inputs.
 */
package io.tailguard.signals;
