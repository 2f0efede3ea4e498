package io.tailguard.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's order loop as a {@link Runnable} for a single-threaded scheduled executor (or a Quartz
 * job): each run polls the database for approved proposals and works orders, and reconciles with the
 * broker every {@code reconcileEvery}. Never throws, so one bad run cannot stop the schedule.
 */
public final class ProposalPoller implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ProposalPoller.class);

    private final OrderExecutionService service;
    private final Clock clock;
    private final Duration reconcileEvery;
    private volatile Instant lastReconciled = Instant.MIN;

    public ProposalPoller(OrderExecutionService service, Clock clock, Duration reconcileEvery) {
        this.service = service;
        this.clock = clock;
        this.reconcileEvery = reconcileEvery;
    }

    @Override
    public void run() {
        try {
            Instant now = clock.instant();
            if (lastReconciled == Instant.MIN || !now.isBefore(lastReconciled.plus(reconcileEvery))) {
                service.reconcile();
                lastReconciled = now;
            }
            service.poll();
        } catch (RuntimeException e) {
            log.error("order poll failed, next run will retry: {}", e.toString());
        }
    }

    /** Call after the broker reports a reconnect (1101/1102): the next run reconciles first. */
    public void reconnected() {
        lastReconciled = Instant.MIN;
    }
}
