package io.tailguard.broker.ibkr.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the market-data requests the gateway has not visibly read yet (no reply of any kind: TWS
 * answers every REQ_MKT_DATA at once with TICK_REQ_PARAMS, a tick or an error). A gateway counts our
 * messages when it reads them; if it stalls (a busy thread, a loaded machine) and then reads a backlog
 * at once, a perfectly paced sender still shows up as a burst: at 45/s a 110 ms stall is enough for
 * "rec=51" and error 100. With at most {@code max} unread requests, any one-second window at the
 * gateway holds at most (rate + 1) + max of them: 46 + 4 = 50 at the defaults. A request with no
 * reply at all releases its slot after {@code autoRelease}, so a silent gateway slows us, never stops us.
 */
final class ReadAheadGate {
    private final Semaphore permits;
    private final ScheduledExecutorService timer;
    private final Duration autoRelease;

    ReadAheadGate(int max, ScheduledExecutorService timer, Duration autoRelease) {
        this.permits = new Semaphore(max);
        this.timer = timer;
        this.autoRelease = autoRelease;
    }

    /** Waits up to {@code timeout} for a slot; returns its release (idempotent), or null when none came in time. */
    Runnable acquire(Duration timeout) {
        try {
            if (!permits.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        timer.schedule(release, autoRelease.toNanos(), TimeUnit.NANOSECONDS);
        return release;
    }
}
