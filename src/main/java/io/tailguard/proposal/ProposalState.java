package io.tailguard.proposal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a proposal. PROPOSED waits for a decision; APPROVED waits for the gates, the market's
 * session and the daemon; SUBMITTED has its legs at the broker; DONE when every leg's order is final. An
 * approval that expired (time, or the market moved past the proposal's bounds) goes back to PROPOSED only
 * when the proposal is re-priced, and must then be approved again. The trader withdraws an approved or
 * working proposal with a cancel: CANCELLED at once when nothing was sent, else once its working orders
 * are cancelled (what filled stays filled). FAILED: the daemon could not trade it at all (the broker lists
 * no such contract); nothing was sent.
 */
public enum ProposalState {
    PROPOSED,
    APPROVED,
    REJECTED,
    EXPIRED,
    SUBMITTED,
    DONE,
    CANCELLED,
    FAILED;

    /** The one table of legal transitions. */
    private static final Map<ProposalState, Set<ProposalState>> LEGAL = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED, EXPIRED),
            APPROVED, EnumSet.of(SUBMITTED, EXPIRED, CANCELLED, FAILED),
            REJECTED, EnumSet.noneOf(ProposalState.class),
            EXPIRED, EnumSet.of(PROPOSED),
            SUBMITTED, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.noneOf(ProposalState.class),
            CANCELLED, EnumSet.noneOf(ProposalState.class),
            FAILED, EnumSet.noneOf(ProposalState.class));

    public boolean canMoveTo(ProposalState next) {
        return LEGAL.get(this).contains(next);
    }

    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }
}
