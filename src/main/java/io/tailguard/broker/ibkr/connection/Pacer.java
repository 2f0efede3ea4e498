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
 * one-second window holds at most rate + 1 messages. The limiter reads the {@link Ticker}, and the wait
 * for a reserved slot is done on it too, so a test can step through the slots.
 */
public final class Pacer {
    private final RateLimiter limiter;
    private final Ticker ticker;
    private final Object slot = new Object();
    private final AtomicLong sent = new AtomicLong();

    public Pacer(int messagesPerSecond) {
        this(messagesPerSecond, Ticker.system());
    }

    public Pacer(int messagesPerSecond, Ticker ticker) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be >= 1, was " + messagesPerSecond);
        }
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / messagesPerSecond))
                .timeoutDuration(Duration.ofHours(1))
                .build();
        this.ticker = ticker;
        this.limiter = RateLimiter.of("tws-messages", config, ticker::nanos);
    }

    /**
     * Blocks until the next message may go out; false when the waiting thread was interrupted (the
     * connection is closing), in which case nothing may be sent.
     */
    public boolean awaitPermit() {
        long wait = limiter.reservePermission(1); // the slot is ours from here, waited for or not
        if (wait < 0) {
            throw new IllegalStateException("rate limiter refused a permit after an hour");
        }
        if (wait > 0) {
            long until = ticker.nanos() + wait;
            synchronized (slot) {
                while (!ticker.reached(until)) {
                    try {
                        ticker.awaitUntil(slot, until);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
        sent.incrementAndGet();
        return true;
    }

    /** Messages let through since start (for the benchmark). */
    public long messagesSent() {
        return sent.get();
    }
}
