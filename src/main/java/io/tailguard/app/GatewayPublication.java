package io.tailguard.app;

import io.tailguard.broker.sim.SimGateway;
import io.tailguard.store.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's entry in {@link SimGatewayRegistry} for as long as it runs: published at start, refreshed on the
 * wall clock every {@link PublishedGateway#REFRESH_EVERY} (a crashed daemon's entry goes stale and is ignored),
 * withdrawn at a clean stop.
 */
final class GatewayPublication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayPublication.class);

    private final SimGatewayRegistry registry;
    private final PublishedGateway published;
    private final Clock wall;
    private final ScheduledExecutorService refresher;

    private GatewayPublication(SimGatewayRegistry registry, PublishedGateway published, Clock wall,
            ScheduledExecutorService refresher) {
        this.registry = registry;
        this.published = published;
        this.wall = wall;
        this.refresher = refresher;
    }

    /** Publishes {@code gateway} with the daemon's market clock, and keeps the entry fresh. */
    static GatewayPublication start(DataSource dataSource, String instanceId, SimGateway gateway, Clock wall,
            Clock market) {
        SimGatewayRegistry registry = new SimGatewayRegistry(dataSource);
        String hostName = AuditLog.localHostName();
        Instant now = wall.instant();
        int removed = registry.removeStale(hostName, now);
        if (removed > 0) {
            log.info("removed {} stale simulated-gateway entr{} of daemons that stopped without withdrawing them",
                    removed, removed == 1 ? "y" : "ies");
        }
        PublishedGateway published = new PublishedGateway(instanceId, hostName, "127.0.0.1", gateway.port(),
                gateway.config().accountId(), MarketClock.anchorOf(market), now, now);
        registry.publish(published);
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tailguard-gateway-publication");
            t.setDaemon(true);
            return t;
        });
        GatewayPublication publication = new GatewayPublication(registry, published, wall, refresher);
        long every = PublishedGateway.REFRESH_EVERY.toMillis();
        refresher.scheduleWithFixedDelay(publication::refresh, every, every, TimeUnit.MILLISECONDS);
        log.info("simulated gateway 127.0.0.1:{} published for console commands on {} ({})", gateway.port(), hostName,
                MarketClock.describe(market));
        return publication;
    }

    private void refresh() {
        try {
            Instant now = wall.instant();
            if (!registry.refresh(published.instanceId(), now)) {
                // another daemon took the entry for stale (this one was suspended or starved): publish it again
                registry.publish(new PublishedGateway(published.instanceId(), published.hostName(), published.host(),
                        published.port(), published.accountId(), published.replay(), published.startedAt(), now));
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep refreshing
            log.warn("could not refresh the published simulated gateway: {}", e.getMessage());
        }
    }

    /** Stops refreshing and withdraws the entry; console commands then start markets of their own. */
    @Override
    public void close() {
        refresher.shutdown(); // no interrupt: a refresh under way finishes its statement
        try {
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.withdraw(published.instanceId());
    }
}
