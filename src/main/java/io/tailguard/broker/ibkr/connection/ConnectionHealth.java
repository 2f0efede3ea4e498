package io.tailguard.broker.ibkr.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * How the socket to TWS has fared, for whoever reports it (the daemon writes it where {@code status} reads
 * it): the state now, since when it has been up or down, the latest session's start and end, and the
 * failures since the latest session began. Times are wall-clock instants; null means "not yet".
 *
 * @param state          the connection's state at the moment of the snapshot
 * @param since          when the current condition began: the latest session's start while up; its end, or the
 *                       first connect request if it never came up, while down; null before any connect request
 * @param connectedAt    the latest session's start (handshake completed), null if it never came up
 * @param lostAt         the latest session's end (socket gone), null if no session has ended
 * @param failedAttempts attempts that failed since the latest session began (or since the first request)
 * @param lastError      the latest failure: a refused attempt (326, connection refused, wrong version) or why
 *                       the latest session ended
 * @param lastErrorAt    when {@code lastError} happened
 */
public record ConnectionHealth(ConnectionState state, Instant since, Instant connectedAt, Instant lostAt,
        int failedAttempts, String lastError, Instant lastErrorAt) {

    public ConnectionHealth {
        Objects.requireNonNull(state, "state");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0, was " + failedAttempts);
        }
        if ((lastError == null) != (lastErrorAt == null)) {
            throw new IllegalArgumentException("lastError and lastErrorAt go together");
        }
    }

    static ConnectionHealth initial() {
        return new ConnectionHealth(ConnectionState.IDLE, null, null, null, 0, null, null);
    }

    /** The socket is up and requests flow (TWS may still report its own link to IB lost: LINK_LOST). */
    public boolean isUp() {
        return state == ConnectionState.CONNECTED || state == ConnectionState.LINK_LOST;
    }

    ConnectionHealth withState(ConnectionState now) {
        return new ConnectionHealth(now, since, connectedAt, lostAt, failedAttempts, lastError, lastErrorAt);
    }

    /** A connect was asked for; the first request starts the "down since" clock of a connection never up. */
    ConnectionHealth requested(Instant at) {
        return since != null ? this
                : new ConnectionHealth(state, at, connectedAt, lostAt, failedAttempts, lastError, lastErrorAt);
    }

    ConnectionHealth attemptFailed(Instant at, String error) {
        return new ConnectionHealth(state, since, connectedAt, lostAt, failedAttempts + 1, error, at);
    }

    ConnectionHealth sessionOpened(Instant at) {
        return new ConnectionHealth(state, at, at, lostAt, 0, lastError, lastErrorAt);
    }

    ConnectionHealth sessionLost(Instant at, String reason) {
        return new ConnectionHealth(state, at, connectedAt, at, 0, reason, at);
    }
}
