/**
 * Hedge cycles, their append-only entries, P&amp;L and tax lots. The entry point is
 * {@link io.tailguard.ledger.HedgeCycleLedger} (open a cycle, book fills and lifecycle events, close it);
 * the booking rules are {@link io.tailguard.ledger.CycleBooking} and the result is
 * {@link io.tailguard.ledger.CyclePnlCalculator}, both pure. The ledger owns its ports: finished proposals
 * arrive through {@link io.tailguard.ledger.ExecutedProposals} (routed by strategy,
 * {@link io.tailguard.ledger.ExecutionRoutes}; the weekly hedge's open its cycle,
 * {@link io.tailguard.ledger.WeeklyHedgeCycles}), later fills through {@link io.tailguard.ledger.ProposalFills},
 * a cycle's start through {@link io.tailguard.ledger.OpeningMarket}; it reads no table of the orders layer.
 */
package io.tailguard.ledger;
