/**
 * Hedge cycles, their append-only entries, P&amp;L and tax lots. The entry point is
 * {@link io.tailguard.ledger.HedgeCycleLedger} (open a cycle, book fills and lifecycle events, close it);
 * the booking rules are {@link io.tailguard.ledger.CycleBooking} and the result is
 * {@link io.tailguard.ledger.CyclePnlCalculator}, both pure.
 */
package io.tailguard.ledger;
