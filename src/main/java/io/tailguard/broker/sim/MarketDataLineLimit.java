package io.tailguard.broker.sim;

import java.util.HashSet;
import java.util.Set;

/**
 * The account's market-data lines, shared by every session: a streaming request holds its line until it is
 * cancelled or its session ends; a snapshot holds one while it is being served. Thread-safe.
 */
final class MarketDataLineLimit {
    private final int limit;
    private final Set<Line> inUse = new HashSet<>();

    MarketDataLineLimit(int limit) {
        this.limit = limit;
    }

    /** Takes a line; false when every line is in use (error 101 for the request). */
    synchronized boolean tryAcquire(Object owner, int tickerId) {
        if (inUse.size() >= limit) {
            return false;
        }
        return inUse.add(new Line(owner, tickerId));
    }

    synchronized boolean holds(Object owner, int tickerId) {
        return inUse.contains(new Line(owner, tickerId));
    }

    synchronized void release(Object owner, int tickerId) {
        inUse.remove(new Line(owner, tickerId));
    }

    synchronized void releaseAll(Object owner) {
        inUse.removeIf(l -> l.owner == owner);
    }

    synchronized int inUse() {
        return inUse.size();
    }

    int limit() {
        return limit;
    }

    private record Line(Object owner, int tickerId) {
    }
}
