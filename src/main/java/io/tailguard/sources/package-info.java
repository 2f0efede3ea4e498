/**
 * Data-source adapters of the signal layers: FRED, SEC EDGAR, CSV inputs, daily bars, the H2 cache and the
 * snapshot store. Entry point: {@link io.tailguard.sources.SignalRunService#runNow()}, which gathers the inputs,
 * runs {@link io.tailguard.signals.SignalEngine} and stores the snapshot; {@link io.tailguard.sources.SignalSnapshotText}
 * prints it.
 */
package io.tailguard.sources;
