/**
 * Data-source adapters of the signal layers: FRED, SEC EDGAR, CSV inputs, daily bars, the shipped market history and
 * samples of the embedded default, the H2 cache and the snapshot store. Entry point:
 * {@link io.tailguard.sources.SignalRunService#runNow()}, which gathers the inputs (on live sources, or on the
 * simulated market with {@link io.tailguard.sources.SignalInputCollector#onSimulatedMarket}), runs
 * {@link io.tailguard.signals.SignalEngine} and stores the snapshot; {@link io.tailguard.sources.SignalSnapshotText}
 * prints it.
 */
package io.tailguard.sources;
