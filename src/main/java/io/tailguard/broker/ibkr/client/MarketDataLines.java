package io.tailguard.broker.ibkr.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.tailguard.broker.ibkr.connection.Ticker;
import java.time.Duration;

/**
 * Caps our concurrent market-data lines below IB's per-account limit (error 101 past it). A line is
 * held from the moment a REQ_MKT_DATA is queued until its snapshot ends or its stream is cancelled.
 * Waiting is done here, against each caller's own deadline, rather than with the bulkhead's single
 * configured wait, so a chain pull never waits past its timeout for a line (measured on the client's {@link Ticker}).
 */
public final class MarketDataLines {
    private final Bulkhead bulkhead;
    private final Object released = new Object();
    private final Ticker ticker;

    public MarketDataLines(int maxLines, Ticker ticker) {
        this.ticker = ticker;
        this.bulkhead = Bulkhead.of("tws-market-data-lines", BulkheadConfig.custom()
                .maxConcurrentCalls(maxLines)
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /** Takes a line, waiting up to {@code timeout}; false when none was freed in time. */
    public boolean acquire(Duration timeout) {
        long until = ticker.deadlineAfter(timeout);
        synchronized (released) {
            while (!bulkhead.tryAcquirePermission()) {
                if (ticker.reached(until)) {
                    return false;
                }
                try {
                    ticker.awaitUntil(released, until);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    public void release() {
        bulkhead.onComplete();
        synchronized (released) {
            released.notifyAll();
        }
    }

    public int inUse() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    public int max() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
    }
}
