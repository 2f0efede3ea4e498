package io.tailguard.broker.ibkr.error;

import io.tailguard.broker.BrokerErrorKind;

/**
 * What an ERR_MSG code means for us. Every category but {@link #NOTICE} ends the request it names;
 * the connection-level categories also drive the connection's state.
 */
public enum ErrorCategory {
    /** Farm status, "displaying delayed data", informational: log, never fail a request. */
    NOTICE(null),
    /** Not connected, could not connect, link to IB lost: retry after reconnecting. */
    CONNECTIVITY(BrokerErrorKind.CONNECTIVITY),
    /** Message rate or historical-data pacing exceeded: back off. */
    PACING(BrokerErrorKind.PACING),
    /** No market data subscription for the instrument: final until the account changes. */
    PERMISSION(BrokerErrorKind.PERMISSION),
    /** The contract does not exist or is ambiguous. */
    NOT_FOUND(BrokerErrorKind.NOT_FOUND),
    /** The broker refused the request (bad parameters, rejected or cancelled order, bad tick). */
    REJECTION(BrokerErrorKind.REJECTION);

    private final BrokerErrorKind kind;

    ErrorCategory(BrokerErrorKind kind) {
        this.kind = kind;
    }

    /** The port's kind for a failed request; null for a notice. */
    public BrokerErrorKind kind() {
        return kind;
    }

    public boolean failsRequest() {
        return kind != null;
    }
}
