/**
 * Option prices for days that have no option history: a point-in-time model of the quotes a trader would have seen at
 * a close, from that day's index level and VIX family. The backtest prices its chains with it.
 */
package io.tailguard.pricing.history;
