package io.tailguard.broker.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * IB's inbound message limit: more than {@code limit} messages from one client in any one-second window.
 * One instance per session; not thread-safe (the session's reader thread owns it).
 */
final class MessageRateWindow {
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final int limit;
    private final Clock clock;
    private final Deque<Instant> arrivals = new ArrayDeque<>();

    MessageRateWindow(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Records one message; returns the count in the window including it. */
    int record() {
        Instant now = clock.instant();
        Instant horizon = now.minus(WINDOW);
        while (!arrivals.isEmpty() && !arrivals.peekFirst().isAfter(horizon)) {
            arrivals.pollFirst();
        }
        arrivals.addLast(now);
        return arrivals.size();
    }

    boolean exceeded(int count) {
        return count > limit;
    }

    int limit() {
        return limit;
    }
}
