package io.tailguard.domain;

import java.util.Locale;

/**
 * The broker's order status, translated once from IB's strings ({@link #fromIb(String)}). The order
 * state machine of the core ({@code orders.OrderState}) is driven by these values.
 */
public enum BrokerOrderStatus {
    API_PENDING,
    PENDING_SUBMIT,
    PENDING_CANCEL,
    PRE_SUBMITTED,
    SUBMITTED,
    API_CANCELLED,
    CANCELLED,
    FILLED,
    INACTIVE,
    UNKNOWN;

    /** IB's ORDER_STATUS / OPEN_ORDER status text ("PreSubmitted", "ApiCancelled", ...); unknown text is UNKNOWN. */
    public static BrokerOrderStatus fromIb(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "apipending" -> API_PENDING;
            case "pendingsubmit" -> PENDING_SUBMIT;
            case "pendingcancel" -> PENDING_CANCEL;
            case "presubmitted" -> PRE_SUBMITTED;
            case "submitted" -> SUBMITTED;
            case "apicancelled", "apicanceled" -> API_CANCELLED;
            case "cancelled", "canceled" -> CANCELLED;
            case "filled" -> FILLED;
            case "inactive" -> INACTIVE;
            default -> UNKNOWN;
        };
    }

    /** No further fills can come. */
    public boolean isFinal() {
        return this == API_CANCELLED || this == CANCELLED || this == FILLED || this == INACTIVE;
    }
}
