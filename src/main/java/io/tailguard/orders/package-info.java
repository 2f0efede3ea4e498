/**
 * Proposals, approval, gates, risk checks, submission, re-pricing and reconciliation. The daemon's entry
 * point is {@link io.tailguard.orders.OrderExecutionService} (run by {@link io.tailguard.orders.ProposalPoller});
 * the console's is {@link io.tailguard.orders.ApprovalService}. The proposals themselves are values of
 * {@code io.tailguard.proposal}; the configuration of trading, approval and order working is this package's
 * ({@link io.tailguard.orders.TradingConfig}, {@link io.tailguard.orders.ApprovalConfig},
 * {@link io.tailguard.orders.OrdersConfig}).
 */
package io.tailguard.orders;
