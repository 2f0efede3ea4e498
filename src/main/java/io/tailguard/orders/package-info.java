/**
 * Proposals, approval, gates, risk checks, submission, re-pricing and reconciliation. The daemon's entry
 * point is {@link io.tailguard.orders.OrderExecutionService} (run by {@link io.tailguard.orders.ProposalPoller});
 * the console's is {@link io.tailguard.orders.ApprovalService}.
 */
package io.tailguard.orders;
