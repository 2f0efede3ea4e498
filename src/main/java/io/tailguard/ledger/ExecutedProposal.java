package io.tailguard.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What the orders side hands the ledger when a proposal is DONE: which proposal, the strategy that made it
 * (it decides where the fills are booked), and its fills as stored then. Commissions may still be unknown:
 * they follow the executions, and later syncs book them.
 */
public record ExecutedProposal(String proposalId, String strategy, List<BrokerFill> fills) {
    public ExecutedProposal {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(strategy, "strategy");
        if (proposalId.isBlank()) {
            throw new IllegalArgumentException("proposalId must not be blank");
        }
        if (strategy.isBlank()) {
            throw new IllegalArgumentException(proposalId + ": strategy must not be blank");
        }
        fills = List.copyOf(fills);
    }
}
