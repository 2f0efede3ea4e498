package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next connect attempt. The wait starts at {@code initial} and doubles after
 * each failure up to {@code max}: a gateway in its nightly restart, or one that still holds our client id
 * (326 right after a reconnect), comes back within seconds to a minute, and hammering it does not help.
 * A TWS of the wrong version does not change by itself, so that failure waits {@code max} at once. A
 * session that opened starts the sequence over. Not thread-safe: the connection's supervisor owns it.
 */
final class ReconnectBackoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must be 0 < initial <= max, was " + initial + " .. " + max);
        }
        this.next = initial;
    }

    /** The wait after {@code failure}; the one after it is twice as long, up to the maximum. */
    Duration afterFailure(BrokerException failure) {
        Duration wait = failure.kind() == BrokerErrorKind.PROTOCOL ? max : next;
        next = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
        return wait;
    }

    /** A session opened: the next failure waits {@code initial} again. */
    void reset() {
        next = initial;
    }
}
