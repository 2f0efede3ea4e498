package io.tailguard.orders;

/**
 * Why the work on a leg ended, stored with its order (or with the leg, when no order was ever sent) and
 * shown by {@code proposal ID}. A cancel tailguard asked for is never a rejection: IB confirms it with
 * error 202 "Order Canceled", and the reason is the one recorded when the cancel was requested.
 */
public enum OrderEnd {
    /** Every contract filled. */
    FILLED("filled"),
    /** tailguard cancelled what was left at the end of {@code orders.workingWindow}. */
    WORKING_WINDOW_OVER("working window over"),
    /** The broker ended the DAY order at the close of its session. */
    SESSION_CLOSED("session closed"),
    /** tailguard cancelled it because trading was HALTED. */
    HALTED("halted"),
    /** The trader cancelled it ({@code tailguard cancel}). */
    CANCELLED_BY_TRADER("cancelled by the trader"),
    /** Cancelled at the broker without tailguard asking (in TWS, by IB). */
    CANCELLED_AT_BROKER("cancelled at the broker"),
    /** IB rejected it; the detail has IB's code and reason. */
    REJECTED("rejected by IB"),
    /** IB reported it Inactive (not working, e.g. refused by a precaution or outside permissions). */
    INACTIVE("inactive at IB"),
    /** The broker lists no such contract: it was never sent. */
    NOT_QUALIFIED("contract not listed"),
    /** Never sent: refused by a gate after a restart, or another leg could not be traded. */
    NOT_SENT("not sent");

    private final String label;

    OrderEnd(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "working window over: no fill within PT5M", or the label alone. */
    public String describe(String detail) {
        return detail == null || detail.isBlank() ? label : label + ": " + detail;
    }
}
