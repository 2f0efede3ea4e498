package io.tailguard.hedge.roll;

import io.tailguard.proposal.Proposal;

/** Where a roll's proposal goes: the orders' proposal store (the app wires {@code ProposalStore.insert}). */
@FunctionalInterface
public interface ProposalSink {
    void submit(Proposal proposal);
}
