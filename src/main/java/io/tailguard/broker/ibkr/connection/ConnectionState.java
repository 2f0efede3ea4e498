package io.tailguard.broker.ibkr.connection;

/** Where the socket to TWS stands. Requests made in any state but CONNECTED wait for it, up to their timeout. */
public enum ConnectionState {
    /** Not connected and not trying (before {@code connect()} or after a failed first connect). */
    IDLE,
    /** Opening the socket or doing the handshake (first time or reconnecting with backoff). */
    CONNECTING,
    /** Handshake done (MANAGED_ACCTS and NEXT_VALID_ID arrived): requests flow. */
    CONNECTED,
    /** TWS reported 1100 (its link to IB is lost); our socket is up, waiting for 1101 / 1102. */
    LINK_LOST,
    /** Closed for good. */
    CLOSED
}
