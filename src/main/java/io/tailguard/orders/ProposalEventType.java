package io.tailguard.orders;

import io.tailguard.proposal.ProposalState;

/**
 * What a row of a proposal's history records. Stored by its name, which is the text older databases hold
 * too. A transition is stored under the state it reached ({@link #of}); the others are notes about a
 * proposal that did not move, or moved in a way of its own (re-pricing, a cancel request).
 */
public enum ProposalEventType {
    /** Stored with its legs and rationale. */
    CREATED(null),
    /** A transition into PROPOSED (re-pricing records {@link #REPRICED} instead). */
    PROPOSED(ProposalState.PROPOSED),
    APPROVED(ProposalState.APPROVED),
    REJECTED(ProposalState.REJECTED),
    /** The approval ran out, or the market moved past the proposal's bounds. */
    EXPIRED(ProposalState.EXPIRED),
    SUBMITTED(ProposalState.SUBMITTED),
    DONE(ProposalState.DONE),
    CANCELLED(ProposalState.CANCELLED),
    /** The broker lists no such contract: nothing was sent. */
    FAILED(ProposalState.FAILED),
    /** An expired proposal got new prices and is PROPOSED again. */
    REPRICED(null),
    /** The trader asked to cancel a SUBMITTED proposal; the daemon cancels its working orders. */
    CANCEL_REQUESTED(null),
    /** A leg ended without an order (why is in the detail). */
    LEG_ENDED(null),
    /** Approved while its market is closed: the daemon holds it until the open. */
    HELD(null),
    /** The daemon's gates refused to transmit; the detail lists each refusal as {@code gate: reason}. */
    GATE_DENIED(null),
    /** Dry run: what would have been sent. */
    DRY_RUN(null),
    /** The auto-approval policy would approve it, the approval checks deny it. */
    AUTO_APPROVAL_DENIED(null),
    /** An unexpected error while the daemon worked it. */
    ERROR(null);

    private final ProposalState reached;

    ProposalEventType(ProposalState reached) {
        this.reached = reached;
    }

    /** The event of a transition into {@code state}. */
    public static ProposalEventType of(ProposalState state) {
        return switch (state) {
            case PROPOSED -> PROPOSED;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case EXPIRED -> EXPIRED;
            case SUBMITTED -> SUBMITTED;
            case DONE -> DONE;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }

    /** Whether this records a transition into a state (then written with the transition, never as a note). */
    public boolean isTransition() {
        return reached != null;
    }
}
