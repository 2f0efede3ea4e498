package io.tailguard.orders;

import io.tailguard.proposal.Proposal;

/**
 * Told when a proposal reaches DONE: every leg ended (filled, or ended otherwise without a cancel by the
 * trader). The transition is a compare-and-set in the database, so each proposal is announced once, by the
 * process that made it. Called on the thread that made the transition, which may be the broker's event
 * thread: keep it short and never call the broker from it (hand the work to another thread). What it throws
 * is logged and does not undo the transition.
 */
@FunctionalInterface
public interface ProposalDoneListener {
    /** Nobody listens. */
    ProposalDoneListener NONE = proposal -> {
    };

    /** {@code proposal} as it is now, in state DONE. */
    void done(Proposal proposal);
}
