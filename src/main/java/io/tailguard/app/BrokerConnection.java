package io.tailguard.app;

import io.tailguard.broker.BrokerConfig;
import io.tailguard.broker.BrokerMode;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.Broker;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as configured: in {@code sim} mode a {@link SimGateway} on loopback with our own client
 * connected to it over a real socket (the same client that talks to TWS), in {@code tws} mode our client
 * connected to TWS / IB Gateway. There is one broker path either way.
 */
public final class BrokerConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

    /** Which market a connection reaches. */
    public enum Market {
        /** the simulated gateway a running daemon embeds (a console command while the daemon runs) */
        DAEMON_GATEWAY,
        /** a simulated gateway started by this process for itself */
        OWN_GATEWAY,
        /** TWS / IB Gateway */
        TWS
    }

    private final SimGateway gateway;
    private final IbkrBroker broker;
    private final Market market;
    private final String endpoint;

    private BrokerConnection(SimGateway gateway, IbkrBroker broker, Market market, String endpoint) {
        this.gateway = gateway;
        this.broker = broker;
        this.market = market;
        this.endpoint = endpoint;
    }

    /**
     * Opens and connects. {@code clientIdOffset} keeps a console command from taking the daemon's client
     * id (TWS refuses a second session with the same id: error 326). In {@code sim} mode a console command
     * (offset not 0) uses the running daemon's simulated gateway when the daemon publishes one on this
     * machine with the same clock as {@code clock} (see {@link DaemonGateway}); otherwise, and for the
     * daemon itself, the simulated gateway is started here, its market on {@code clock}.
     */
    public static BrokerConnection open(TailguardConfig config, Clock clock, int clientIdOffset) {
        return open(config, clock, clientIdOffset, true);
    }

    /**
     * As {@link #open(TailguardConfig, Clock, int)}, but in {@code sim} mode always on a simulated gateway of its
     * own, never the daemon's: a benchmark measures a market nobody else loads.
     */
    public static BrokerConnection openOwnMarket(TailguardConfig config, Clock clock, int clientIdOffset) {
        return open(config, clock, clientIdOffset, false);
    }

    private static BrokerConnection open(TailguardConfig config, Clock clock, int clientIdOffset,
            boolean daemonsGatewayIfRunning) {
        BrokerConfig b = config.broker();
        if (b.mode() == BrokerMode.SIM && clientIdOffset != 0 && daemonsGatewayIfRunning) {
            Optional<IbkrBroker> daemons = DaemonGateway.connect(config, clock, clientIdOffset);
            if (daemons.isPresent()) {
                IbkrBroker shared = daemons.get();
                return new BrokerConnection(null, shared, Market.DAEMON_GATEWAY,
                        shared.client().config().host() + ":" + shared.client().config().port());
            }
        }
        SimGateway gateway = null;
        String host = b.host();
        int port = b.port();
        if (b.mode() == BrokerMode.SIM) {
            gateway = startGateway(config, clock);
            host = "127.0.0.1";
            port = gateway.port();
        }
        IbkrClientConfig client = clientConfig(b, host, port, clientIdOffset);
        IbkrBroker broker = new IbkrBroker(client, clock);
        try {
            broker.connect();
        } catch (RuntimeException e) {
            broker.close();
            if (gateway != null) {
                gateway.close();
            }
            throw e;
        }
        log.info("connected to {} at {}:{} as client {} (account {})", b.mode() == BrokerMode.SIM
                ? "the simulated gateway" : "TWS", host, port, client.clientId(), broker.accountId());
        return new BrokerConnection(gateway, broker, gateway != null ? Market.OWN_GATEWAY : Market.TWS,
                host + ":" + port);
    }

    /**
     * The embedded default market, seeded from the configuration, on {@code clock}: a replay clock's market
     * (sim.clock) runs on that very clock, so the process and its market agree on the time; any other clock
     * means the wall clock from now.
     */
    static SimGateway startGateway(TailguardConfig config, Clock clock) {
        SimGatewayConfig gatewayConfig = SimGatewayConfig.defaults().withPort(config.broker().port())
                .withSeed(config.sim().seed()).withAccount(config.sim().account());
        return SimGateway.embeddedDefault(gatewayConfig, clock).start();
    }

    public Broker broker() {
        return broker;
    }

    public IbkrBroker ibkr() {
        return broker;
    }

    public Optional<SimGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    public Market market() {
        return market;
    }

    /** For the trader: which market this is, and where. */
    public String describe() {
        return switch (market) {
            case DAEMON_GATEWAY -> "the daemon's simulated gateway at " + endpoint;
            case OWN_GATEWAY -> "a simulated gateway of its own at " + endpoint;
            case TWS -> "TWS at " + endpoint;
        };
    }

    @Override
    public void close() {
        broker.close();
        if (gateway != null) {
            gateway.close();
        }
    }

    /**
     * For the daemon in {@code tws} mode: returns at once, not yet connected, and keeps connecting in the
     * background, with backoff, until TWS answers (a daemon may start before TWS, or while TWS still holds
     * its client id from a killed predecessor: error 326). In {@code sim} mode the embedded gateway must
     * start, so this is {@link #open}.
     */
    public static BrokerConnection openInBackground(TailguardConfig config, Clock clock) {
        BrokerConfig b = config.broker();
        if (b.mode() == BrokerMode.SIM) {
            return open(config, clock, 0);
        }
        IbkrBroker broker = new IbkrBroker(clientConfig(b, b.host(), b.port(), 0), clock);
        broker.client().connectInBackground();
        return new BrokerConnection(null, broker, Market.TWS, b.host() + ":" + b.port());
    }

    /** Retries back off from 1 s to 30 s: each failed attempt logs one warning, at most two a minute. */
    private static IbkrClientConfig clientConfig(BrokerConfig b, String host, int port, int clientIdOffset) {
        return new IbkrClientConfig(host, port, b.clientId() + clientIdOffset, b.marketDataType(),
                b.messagesPerSecond(), b.maxMarketDataLines(), b.connectTimeout(), b.requestTimeout(),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
