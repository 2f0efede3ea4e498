package io.tailguard.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a proposal. PROPOSED waits for a decision; APPROVED waits for the gates and the daemon;
 * SUBMITTED has its legs at the broker; DONE when every leg's order is final. An approval that
 * expired (time, or the market moved past the proposal's bounds) goes back to PROPOSED only when
 * the proposal is re-priced, and must then be approved again.
 */
public enum ProposalState {
    PROPOSED,
    APPROVED,
    REJECTED,
    EXPIRED,
    SUBMITTED,
    DONE;

    /** The one table of legal transitions. */
    private static final Map<ProposalState, Set<ProposalState>> LEGAL = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED, EXPIRED),
            APPROVED, EnumSet.of(SUBMITTED, EXPIRED),
            REJECTED, EnumSet.noneOf(ProposalState.class),
            EXPIRED, EnumSet.of(PROPOSED),
            SUBMITTED, EnumSet.of(DONE),
            DONE, EnumSet.noneOf(ProposalState.class));

    public boolean canMoveTo(ProposalState next) {
        return LEGAL.get(this).contains(next);
    }

    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }
}
