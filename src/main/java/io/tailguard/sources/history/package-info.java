/**
 * The real daily market history shipped with tailguard ({@code market-history/}, provenance in its
 * {@code SOURCES.md}): one validating loader for the signal layers on the embedded default and for a backtest.
 * Entry point: {@link io.tailguard.sources.history.MarketHistory#series(String)}.
 */
package io.tailguard.sources.history;
