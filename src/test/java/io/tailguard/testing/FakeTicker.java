package io.tailguard.testing;

import io.tailguard.broker.ibkr.connection.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Ticker} that stands still until the test advances it. A thread waiting on it wakes when the test
 * moves time to (or past) its deadline, or when its monitor is notified as usual; the test can see who waits
 * for what ({@link #waiter}), so it can step a connection through its pacing slots, backoffs and timeouts
 * one deadline at a time, and say exactly how long each wait was. Thread-safe.
 */
public final class FakeTicker implements Ticker {

    /** A thread waiting on this ticker: its name, and how far ahead of now its deadline is. */
    public record Waiter(String thread, long deadlineNanos, Duration remaining) {
    }

    private record Entry(Thread thread, Object monitor, long deadline) {
    }

    private final List<Entry> waiting = new ArrayList<>(); // guarded by this
    private long now; // guarded by this

    /** Starts at an arbitrary reading, as {@link System#nanoTime()} does. */
    public FakeTicker() {
        this(Duration.ofDays(3).toNanos());
    }

    public FakeTicker(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public void awaitUntil(Object monitor, long deadlineNanos) throws InterruptedException {
        Entry entry = new Entry(Thread.currentThread(), monitor, deadlineNanos);
        synchronized (this) {
            if (deadlineNanos - now <= 0) {
                return;
            }
            waiting.add(entry);
        }
        try {
            monitor.wait(); // the caller holds it, so advanceTo cannot notify before this releases it
        } finally {
            synchronized (this) {
                waiting.remove(entry);
            }
        }
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        advanceTo(nanos() + d.toNanos());
    }

    /** Moves time to {@code nanos} and wakes every thread whose deadline it reaches. */
    public void advanceTo(long nanos) {
        List<Object> due = new ArrayList<>();
        synchronized (this) {
            if (nanos - now < 0) {
                throw new IllegalArgumentException("time does not go back: " + nanos + " < " + now);
            }
            now = nanos;
            // removed here, not by the woken thread, so that waiter() at once stops showing it
            waiting.removeIf(e -> {
                boolean reached = e.deadline() - nanos <= 0;
                if (reached) {
                    due.add(e.monitor());
                }
                return reached;
            });
        }
        for (Object monitor : due) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** The thread whose name starts with {@code threadName} that waits on this ticker now, soonest deadline first. */
    public synchronized Optional<Waiter> waiter(String threadName) {
        return waiting.stream().filter(e -> e.thread().getName().startsWith(threadName))
                .min(Comparator.comparingLong(e -> e.deadline() - now))
                .map(e -> new Waiter(e.thread().getName(), e.deadline(), Duration.ofNanos(e.deadline() - now)));
    }

    /** Waits (real time, up to {@code timeout}) until a thread named {@code threadName...} waits on this ticker. */
    public Waiter awaitWaiter(String threadName, Duration timeout) {
        AtomicReference<Waiter> seen = new AtomicReference<>();
        Await.until(() -> {
            waiter(threadName).ifPresent(seen::set);
            return seen.get() != null;
        }, timeout);
        return seen.get();
    }

    /** Moves time to the deadline of {@code threadName}'s wait, once it waits; returns how long it waited for. */
    public Duration advanceToDeadlineOf(String threadName, Duration timeout) {
        Waiter w = awaitWaiter(threadName, timeout);
        advanceTo(w.deadlineNanos());
        return w.remaining();
    }
}
