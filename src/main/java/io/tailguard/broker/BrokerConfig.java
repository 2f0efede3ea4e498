package io.tailguard.broker;

import java.time.Duration;
import io.tailguard.config.Require;

/**
 * The broker connection. In {@code sim} mode the daemon starts the simulated gateway on {@code port}
 * (0 = any free port) and connects to it; in {@code tws} mode it connects to TWS / IB Gateway.
 */
public record BrokerConfig(
        BrokerMode mode,
        String host,
        Integer port,
        Integer clientId,
        Integer marketDataType,
        Integer messagesPerSecond,
        Integer maxMarketDataLines,
        Duration connectTimeout,
        Duration requestTimeout) {

    public BrokerConfig {
        mode = Require.present(mode, "mode");
        host = Require.text(Require.orDefault(host, "127.0.0.1"), "host");
        port = Require.range(Require.present(port, "port"), mode == BrokerMode.SIM ? 0 : 1, 65535, "port");
        clientId = Require.range(Require.present(clientId, "clientId"), 1, Integer.MAX_VALUE, "clientId");
        marketDataType = Require.range(Require.orDefault(marketDataType, 1), 1, 4, "marketDataType");
        messagesPerSecond = Require.range(Require.orDefault(messagesPerSecond, 45), 1, 50, "messagesPerSecond");
        maxMarketDataLines = Require.range(Require.orDefault(maxMarketDataLines, 90), 1, 100, "maxMarketDataLines");
        connectTimeout = Require.positive(Require.orDefault(connectTimeout, Duration.ofSeconds(10)), "connectTimeout");
        requestTimeout = Require.positive(Require.orDefault(requestTimeout, Duration.ofSeconds(30)), "requestTimeout");
    }

    public BrokerConfig withEndpoint(String newHost, int newPort, int newClientId) {
        return new BrokerConfig(mode, newHost, newPort, newClientId, marketDataType, messagesPerSecond,
                maxMarketDataLines, connectTimeout, requestTimeout);
    }
}
