package io.tailguard.broker.ibkr.connection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The monotonic time the TWS client measures and waits on: message pacing, reconnect backoff, the connect
 * and handshake timeouts, request timeouts, waits for a market-data line. Wall-clock instants (health
 * stamps, quote times) come from a {@link java.time.Clock} instead; a {@code Clock} cannot wait, and the
 * wall clock may be set back. Production runs on {@link #system()}; a test injects a fake that stands still
 * until the test advances it, so it can check the schedule without sleeping.
 */
public interface Ticker {

    /** Nanoseconds from an arbitrary origin, never going back; compare two readings by their difference. */
    long nanos();

    /**
     * Waits on {@code monitor}, which the caller holds, until it is notified or this ticker reaches
     * {@code deadlineNanos}. Like {@link Object#wait()} it may return early: callers loop on their condition.
     */
    void awaitUntil(Object monitor, long deadlineNanos) throws InterruptedException;

    /** The ticker reading {@code d} from now. */
    default long deadlineAfter(Duration d) {
        return nanos() + d.toNanos();
    }

    /** Whether this ticker has reached {@code deadlineNanos}. */
    default boolean reached(long deadlineNanos) {
        return nanos() - deadlineNanos >= 0;
    }

    /**
     * {@link CompletableFuture#get(long, TimeUnit)} with the timeout on this ticker: the result, or the
     * future's failure as an {@link ExecutionException}, or a {@link TimeoutException} once {@code timeout} passed.
     */
    default <T> T await(CompletableFuture<T> future, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = deadlineAfter(timeout);
        Object done = new Object();
        future.whenComplete((v, t) -> {
            synchronized (done) {
                done.notifyAll();
            }
        });
        synchronized (done) {
            while (!future.isDone()) {
                if (reached(deadline)) {
                    throw new TimeoutException("no result within " + timeout);
                }
                awaitUntil(done, deadline);
            }
        }
        return future.get();
    }

    /** {@link System#nanoTime()}, and {@link Object#wait(long, int)} for the waits. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }

    /** The production ticker. */
    enum SystemTicker implements Ticker {
        INSTANCE;

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void awaitUntil(Object monitor, long deadlineNanos) throws InterruptedException {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }
}
