package io.tailguard.app;

import io.tailguard.app.config.BrokerConfig;
import io.tailguard.app.config.BrokerMode;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.Broker;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
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

    private final SimGateway gateway;
    private final IbkrBroker broker;

    private BrokerConnection(SimGateway gateway, IbkrBroker broker) {
        this.gateway = gateway;
        this.broker = broker;
    }

    /**
     * Opens and connects. {@code clientIdOffset} keeps a console command from taking the daemon's client
     * id (TWS refuses a second session with the same id: error 326).
     */
    public static BrokerConnection open(TailguardConfig config, Clock clock, int clientIdOffset) {
        BrokerConfig b = config.broker();
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
        return new BrokerConnection(gateway, broker);
    }

    /** The embedded default market: the model in real time from now, seeded from the configuration. */
    static SimGateway startGateway(TailguardConfig config, Clock clock) {
        SimGatewayConfig gatewayConfig = SimGatewayConfig.defaults().withPort(config.broker().port())
                .withSeed(config.sim().seed()).withAccount(config.sim().account());
        MarketModelConfig market = MarketModelConfig.defaults()
                .withStart(clock.instant(), 5900.0, 80.0)
                .withClock(ClockMode.REAL, 1.0);
        return SimGateway.withModelMarket(gatewayConfig, market).start();
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
        return new BrokerConnection(null, broker);
    }

    /** Retries back off from 1 s to 30 s: each failed attempt logs one warning, at most two a minute. */
    private static IbkrClientConfig clientConfig(BrokerConfig b, String host, int port, int clientIdOffset) {
        return new IbkrClientConfig(host, port, b.clientId() + clientIdOffset, b.marketDataType(),
                b.messagesPerSecond(), b.maxMarketDataLines(), b.connectTimeout(), b.requestTimeout(),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
