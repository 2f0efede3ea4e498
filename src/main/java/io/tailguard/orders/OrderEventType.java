package io.tailguard.orders;

/**
 * What a row of an order's history records. Stored by its name, which is the text older databases hold too.
 * A transition is stored under the state it reached ({@link #of}); the others are notes about an order that
 * did not change state.
 */
public enum OrderEventType {
    /** Written PENDING_SUBMIT, before it is transmitted. */
    CREATED(null),
    /** The broker knew it under our leg id and we had no row: reconciliation adopted it. */
    ADOPTED(null),
    PENDING_SUBMIT(OrderState.PENDING_SUBMIT),
    SUBMITTED(OrderState.SUBMITTED),
    PARTIALLY_FILLED(OrderState.PARTIALLY_FILLED),
    FILLED(OrderState.FILLED),
    CANCELLED(OrderState.CANCELLED),
    REJECTED(OrderState.REJECTED),
    INACTIVE(OrderState.INACTIVE),
    /** Why tailguard cancels it, written before the cancel is sent. */
    CANCEL_REQUESTED(null),
    /** Still working long after the cancel: the cancel is sent again. */
    CANCEL_RESENT(null),
    /** The cancel could not be written to the broker; sent again later. */
    CANCEL_FAILED(null),
    /** IB could not carry out the cancel (161, 10147, 10148): the order is untouched. */
    CANCEL_REFUSED(null),
    /** It never reached the broker and got a fresh order id before it was sent again. */
    RENUMBERED(null),
    /** A new limit price. */
    REPRICED(null),
    /** A re-price step was skipped (no usable quote). */
    REPRICE_SKIPPED(null),
    /** The re-priced order could not be written to the broker. */
    REPRICE_FAILED(null),
    /** The order could not be written to the broker; reconciliation decides whether it arrived. */
    PLACE_FAILED(null),
    /** An execution correction replaced an earlier execution's figures. */
    EXEC_CORRECTED(null),
    /** An IB error about the order that changes nothing (a refused modification, say). */
    BROKER_ERROR(null);

    private final OrderState reached;

    OrderEventType(OrderState reached) {
        this.reached = reached;
    }

    /** The event of a transition into {@code state}. */
    public static OrderEventType of(OrderState state) {
        return switch (state) {
            case PENDING_SUBMIT -> PENDING_SUBMIT;
            case SUBMITTED -> SUBMITTED;
            case PARTIALLY_FILLED -> PARTIALLY_FILLED;
            case FILLED -> FILLED;
            case CANCELLED -> CANCELLED;
            case REJECTED -> REJECTED;
            case INACTIVE -> INACTIVE;
        };
    }

    /** Whether this records a transition into a state (then written with the transition, never as a note). */
    public boolean isTransition() {
        return reached != null;
    }
}
