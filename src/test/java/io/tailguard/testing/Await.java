package io.tailguard.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition without fixed sleeps: polls until it holds or the timeout passes, then fails the test. */
public final class Await {
    private Await() {
    }

    /** Polls every millisecond; for fast in-memory conditions. */
    public static void until(BooleanSupplier condition, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + timeout);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Polls every 20 ms a condition that may throw (a database query); the failure names what was awaited. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            LockSupport.parkNanos(20_000_000);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
    }
}
