/**
 * Signal layers (rates, valuation, volatility regime, hold/out) as pure functions of point-in-time inputs.
 * Entry point: {@link io.tailguard.signals.SignalEngine#evaluate}, which turns {@link io.tailguard.signals.PointInTimeData}
 * and the previous {@link io.tailguard.signals.HysteresisMemory} into a {@link io.tailguard.signals.SignalSnapshot}.
 * The XSP implied-volatility regime is defined here once ({@link io.tailguard.signals.VolatilityRegime},
 * {@link io.tailguard.signals.VolatilityRegimeRule}); the weekly hedge acts on it.
 * Nothing here does I/O: the adapters in {@code io.tailguard.sources} fetch, cache and store.
 */
package io.tailguard.signals;
