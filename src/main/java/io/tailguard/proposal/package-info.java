/**
 * What a strategy proposes, as values: {@link io.tailguard.proposal.Proposal} with its legs, their intent and
 * price bounds, the proposal's state table ({@link io.tailguard.proposal.ProposalState}) and its ids. Strategies
 * build these without the order machinery; {@code orders} stores, approves and works them.
 */
package io.tailguard.proposal;
