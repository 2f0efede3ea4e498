package io.tailguard.ledger;

import java.util.List;

/**
 * The port the ledger reads fills through: the executions of one proposal as the orders layer last stored
 * them (once per execId base, a correction replacing its original), each with its commission, null until
 * the broker's report arrived. The orders side implements it; the ledger never reads the orders tables.
 */
@FunctionalInterface
public interface ProposalFills {
    /** The fills of {@code proposalId} in execution order; empty for a proposal that filled nothing (or is unknown). */
    List<BrokerFill> of(String proposalId);
}
