/**
 * Storage of signal snapshots, so any past decision can be explained from what was known then. Entry point:
 * {@link io.tailguard.sources.snapshot.SignalSnapshotRepository}.
 */
package io.tailguard.sources.snapshot;
