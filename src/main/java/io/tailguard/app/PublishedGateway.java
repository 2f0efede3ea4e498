package io.tailguard.app;

import io.tailguard.broker.sim.market.ReplayAnchor;
import io.tailguard.broker.sim.market.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A running daemon's embedded simulated gateway as it publishes it in the database: where it listens, the
 * account it serves, and its clock, so that a console command on the same machine can work against the same
 * market at the same simulated time.
 *
 * @param instanceId  the daemon's scheduler instance id
 * @param hostName    the machine the daemon runs on (the gateway listens on its loopback only)
 * @param host        the gateway's address on that machine
 * @param port        the gateway's port
 * @param accountId   the paper account the gateway serves
 * @param replay      the daemon's replay clock; empty when its market follows the wall clock
 * @param startedAt   wall time of the publication
 * @param refreshedAt wall time of the daemon's last sign of life
 */
public record PublishedGateway(String instanceId, String hostName, String host, int port, String accountId,
        Optional<ReplayAnchor> replay, Instant startedAt, Instant refreshedAt) {

    /** The daemon refreshes its row this often. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    /** A row not refreshed for this long belongs to a daemon that is gone (three missed refreshes). */
    public static final Duration STALE_AFTER = REFRESH_EVERY.multipliedBy(3);

    public PublishedGateway {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(refreshedAt, "refreshedAt");
    }

    /** True while the daemon has refreshed the row recently enough to be taken as alive at {@code wallNow}. */
    public boolean isLiveAt(Instant wallNow) {
        return Duration.between(refreshedAt, wallNow).compareTo(STALE_AFTER) <= 0;
    }

    /** The daemon's market clock, reconstructed on this process's wall clock. */
    public Clock clock(Clock wall) {
        return replay.<Clock>map(anchor -> SimClock.replay(anchor, wall)).orElse(wall);
    }

    /** {@code host:port}. */
    public String endpoint() {
        return host + ":" + port;
    }
}
