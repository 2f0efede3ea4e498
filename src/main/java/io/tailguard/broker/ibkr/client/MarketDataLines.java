package io.tailguard.broker.ibkr.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;

/**
 * Caps our concurrent market-data lines below IB's per-account limit (error 101 past it). A line is
 * held from the moment a REQ_MKT_DATA is queued until its snapshot ends or its stream is cancelled.
 * Waiting is done here, against each caller's own deadline, rather than with the bulkhead's single
 * configured wait, so a chain pull never waits past its timeout for a line.
 */
public final class MarketDataLines {
    private final Bulkhead bulkhead;
    private final Object released = new Object();

    public MarketDataLines(int maxLines) {
        this.bulkhead = Bulkhead.of("tws-market-data-lines", BulkheadConfig.custom()
                .maxConcurrentCalls(maxLines)
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /** Takes a line, waiting up to {@code timeout}; false when none was freed in time. */
    public boolean acquire(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (released) {
            while (!bulkhead.tryAcquirePermission()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    released.wait(Math.max(1, left / 1_000_000));
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
