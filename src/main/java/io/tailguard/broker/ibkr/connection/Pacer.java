package io.tailguard.broker.ibkr.connection;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every outgoing message under IB's 50 messages per second. The limiter hands out ONE permit per
 * 1/rate seconds rather than {@code rate} permits per second: a per-second budget lets a burst at the
 * end of one period and another at the start of the next put twice the rate into one sliding second,
 * which is exactly what TWS punishes with error 100 and a disconnect. With one permit per slot, any
 * one-second window holds at most rate + 1 messages.
 */
public final class Pacer {
    private final RateLimiter limiter;
    private final AtomicLong sent = new AtomicLong();

    public Pacer(int messagesPerSecond) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be >= 1, was " + messagesPerSecond);
        }
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / messagesPerSecond))
                .timeoutDuration(Duration.ofHours(1))
                .build();
        this.limiter = RateLimiter.of("tws-messages", config);
    }

    /**
     * Blocks until the next message may go out; false when the waiting thread was interrupted (the
     * connection is closing), in which case nothing may be sent.
     */
    public boolean awaitPermit() {
        if (!limiter.acquirePermission()) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            throw new IllegalStateException("rate limiter refused a permit after an hour");
        }
        sent.incrementAndGet();
        return true;
    }

    /** Messages let through since start (for the benchmark). */
    public long messagesSent() {
        return sent.get();
    }
}
