package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.sim.market.ReplayAnchor;
import io.tailguard.broker.sim.market.SimClock;
import io.tailguard.broker.sim.market.SimClockSetting;
import java.time.Clock;
import java.util.Optional;

/**
 * The clock a process decides market things by: what is open, how old a quote is, when an approval or a working
 * window ends, what today's expiry is. With a real TWS, and on the embedded default's {@code sim.clock: wall}, it
 * is the wall clock. On a replay ({@code sim.clock: 2026-11-30T09:30}) it is the simulated market's clock, and
 * every part of the process that talks about the market uses it, so that the daemon never thinks it is 20:13 while
 * its simulated market is in the middle of a session. Quartz alone stays on the wall clock (see {@link Daemon}).
 */
public final class MarketClock {
    private MarketClock() {
    }

    /** The daemon's market clock: a replay from the configured start, anchored now, or {@code wall}. */
    public static Clock forDaemon(TailguardConfig config, Clock wall) {
        if (config.broker().mode() != BrokerMode.SIM) {
            return wall;
        }
        return config.sim().clockSetting().replay().<Clock>map(r -> r.startOn(wall)).orElse(wall);
    }

    /**
     * A console command's market clock: the running daemon's, when it publishes its simulated gateway (the
     * command then works against that market), else the one a daemon would start with now.
     */
    public static Clock forConsole(TailguardConfig config, Clock wall, Optional<PublishedGateway> daemon) {
        if (config.broker().mode() != BrokerMode.SIM) {
            return wall;
        }
        return daemon.map(d -> d.clock(wall)).orElseGet(() -> forDaemon(config, wall));
    }

    /** As {@link #forConsole(TailguardConfig, Clock, Optional)}, looking the daemon up in the configured database. */
    public static Clock forConsole(TailguardConfig config, Clock wall) {
        return forConsole(config, wall, config.broker().mode() == BrokerMode.SIM
                ? SimGatewayRegistry.lookup(config.database(), wall) : Optional.empty());
    }

    /** The replay anchor of a market clock; empty for the wall clock (or any clock that is not a replay). */
    public static Optional<ReplayAnchor> anchorOf(Clock clock) {
        return clock instanceof SimClock sim ? sim.anchor() : Optional.empty();
    }

    /** One line for the trader: {@code wall clock} or {@code replay from … at 60x}. */
    public static String describe(Clock clock) {
        return anchorOf(clock).map(SimClockSetting::describeReplay).orElse("wall clock");
    }
}
