package io.tailguard.app;

import io.tailguard.broker.BrokerConfig;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console command's connection to the running daemon's simulated gateway, so that it quotes the daemon's
 * market (the same account, orders and clock) rather than a market of its own. It is used only when the daemon
 * publishes a live gateway on this machine ({@link SimGatewayRegistry}), with the same clock as the command's
 * (a console that resolved its clock before the daemon started keeps its own market, so that its times and its
 * quotes never disagree), and when that gateway answers; otherwise the caller starts its own.
 */
final class DaemonGateway {
    private static final Logger log = LoggerFactory.getLogger(DaemonGateway.class);
    /** A gateway on loopback answers at once; a published one that does not is a daemon that just died. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private DaemonGateway() {
    }

    /** Connected to the daemon's gateway, or empty (and the reason logged) when the command needs its own. */
    static Optional<IbkrBroker> connect(TailguardConfig config, Clock clock, int clientIdOffset) {
        Optional<PublishedGateway> published = SimGatewayRegistry.lookup(config.database(), Clock.systemUTC());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        PublishedGateway daemon = published.get();
        if (!daemon.replay().equals(MarketClock.anchorOf(clock))) {
            log.info("the daemon's simulated gateway at {} runs another clock than this command ({}): using a "
                    + "market of its own", daemon.endpoint(), MarketClock.describe(clock));
            return Optional.empty();
        }
        if (!accepts(daemon)) {
            return Optional.empty();
        }
        BrokerConfig b = config.broker();
        int clientId = consoleClientId(b.clientId(), clientIdOffset, ProcessHandle.current().pid());
        // the daemon streams at most half of the account's lines (OrderDesk); the console takes the other half,
        // so that a chain pull here never pushes the gateway past its line limit (error 101) under the daemon
        IbkrClientConfig client = new IbkrClientConfig(daemon.host(), daemon.port(), clientId, b.marketDataType(),
                b.messagesPerSecond(), Math.max(1, b.maxMarketDataLines() / 2),
                b.connectTimeout().compareTo(CONNECT_TIMEOUT) < 0 ? b.connectTimeout() : CONNECT_TIMEOUT,
                b.requestTimeout(), Duration.ofMillis(200), Duration.ofSeconds(1));
        IbkrBroker broker = new IbkrBroker(client, clock);
        try {
            broker.connect();
        } catch (BrokerException e) {
            broker.close();
            log.warn("the daemon's simulated gateway at {} did not answer ({}); this command uses a simulated market "
                    + "of its own", daemon.endpoint(), e.getMessage());
            return Optional.empty();
        }
        if (!broker.managedAccounts().contains(daemon.accountId())) {
            // the port was taken by something else since the daemon died (its entry not yet stale)
            broker.close();
            log.warn("the server at {} does not serve the daemon's account {}: this command uses a simulated market "
                    + "of its own", daemon.endpoint(), daemon.accountId());
            return Optional.empty();
        }
        log.info("connected to the daemon's simulated gateway at {} as client {} (daemon {}, {})", daemon.endpoint(),
                clientId, daemon.instanceId(), MarketClock.describe(clock));
        return Optional.of(broker);
    }

    /**
     * One plain connect before the client's own (which retries with backoff, as it must against a TWS that
     * restarts): a daemon killed in the last {@link PublishedGateway#STALE_AFTER} left its entry, and its port
     * refuses at once.
     */
    private static boolean accepts(PublishedGateway daemon) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(daemon.host(), daemon.port()), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            log.warn("the daemon's simulated gateway at {} is gone ({}): the daemon stopped without withdrawing it; "
                    + "this command uses a simulated market of its own", daemon.endpoint(), e.getMessage());
            return false;
        }
    }

    /**
     * A client id no other connection to the daemon's gateway holds: the daemon's id plus the command's offset
     * plus a step per process id, so that two console commands running at the same time (a chain pull while
     * {@code proposal ID} quotes) are not refused with 326 "client id in use".
     */
    static int consoleClientId(int daemonClientId, int offset, long pid) {
        long id = (long) daemonClientId + offset + 100L * (1 + pid % 1000);
        return (int) (id > Integer.MAX_VALUE ? id - Integer.MAX_VALUE : id);
    }
}
