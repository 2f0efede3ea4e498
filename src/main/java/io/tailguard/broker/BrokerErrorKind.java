package io.tailguard.broker;

/**
 * Broker errors classified once, so that retries apply only where they help.
 */
public enum BrokerErrorKind {
    /** Not connected, connection lost, client id in use: retry after reconnecting. */
    CONNECTIVITY(true),
    /** Message rate or request pacing exceeded: retry after backing off. */
    PACING(true),
    /** No market data permission or subscription for the instrument: final until the account changes. */
    PERMISSION(false),
    /** The broker refused the request (bad contract, rejected order, bad tick): final. */
    REJECTION(false),
    /** The query matched nothing, or more than one thing where one was required: final. */
    NOT_FOUND(false),
    /** The answer did not arrive in time: may be retried. */
    TIMEOUT(true),
    /** The peer spoke a version or sent a message we cannot handle: final. */
    PROTOCOL(false);

    private final boolean retryable;

    BrokerErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
