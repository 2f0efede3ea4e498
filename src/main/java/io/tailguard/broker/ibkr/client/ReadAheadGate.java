package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.connection.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the market-data requests the gateway has not visibly read yet (no reply of any kind: TWS
 * answers every REQ_MKT_DATA at once with TICK_REQ_PARAMS, a tick or an error). A gateway counts our
 * messages when it reads them; if it stalls (a busy thread, a loaded machine) and then reads a backlog
 * at once, a perfectly paced sender still shows up as a burst: at 45/s a 110 ms stall is enough for
 * "rec=51" and error 100. With at most {@code max} unread requests, any one-second window at the
 * gateway holds at most (rate + 1) + max of them: 46 + 4 = 50 at the defaults. A request with no
 * reply at all releases its slot after {@code autoRelease}, so a silent gateway slows us, never stops us.
 * Waits and releases run on the client's {@link Ticker}.
 */
final class ReadAheadGate {
    private final Ticker ticker;
    private final DeadlineTimer timer;
    private final Duration autoRelease;
    private int free; // guarded by this

    ReadAheadGate(int max, Ticker ticker, DeadlineTimer timer, Duration autoRelease) {
        this.free = max;
        this.ticker = ticker;
        this.timer = timer;
        this.autoRelease = autoRelease;
    }

    /** Waits up to {@code timeout} for a slot; returns its release (idempotent), or null when none came in time. */
    Runnable acquire(Duration timeout) {
        long until = ticker.deadlineAfter(timeout.isNegative() ? Duration.ZERO : timeout);
        synchronized (this) {
            while (free == 0) {
                if (ticker.reached(until)) {
                    return null;
                }
                try {
                    ticker.awaitUntil(this, until);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            free--;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                synchronized (this) {
                    free++;
                    notifyAll();
                }
            }
        };
        timer.schedule(release, autoRelease);
        return release;
    }
}
