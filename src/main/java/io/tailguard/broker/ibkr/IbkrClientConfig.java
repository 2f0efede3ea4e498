package io.tailguard.broker.ibkr;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach TWS / IB Gateway and how hard to push it. IB's hard limit is 50 messages per second
 * (error 100, then a disconnect); the default keeps a margin at 45. Market-data lines are shared with
 * TWS itself (at least 100 per account), so the default caps ours at 90.
 *
 * @param clientId non-zero: client id 0 is the TWS "master" id that also receives manual orders
 * @param marketDataType 1 live, 2 frozen, 3 delayed, 4 delayed-frozen; re-sent after every reconnect
 */
public record IbkrClientConfig(
        String host,
        int port,
        int clientId,
        int marketDataType,
        int messagesPerSecond,
        int maxMarketDataLines,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration reconnectInitialBackoff,
        Duration reconnectMaxBackoff) {

    public static final int DEFAULT_MESSAGES_PER_SECOND = 45;
    public static final int MAX_MESSAGES_PER_SECOND = 50;
    public static final int DEFAULT_MAX_MARKET_DATA_LINES = 90;

    public IbkrClientConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, was " + port);
        }
        if (clientId == 0) {
            throw new IllegalArgumentException("clientId must be non-zero (0 is the TWS master client id)");
        }
        if (marketDataType < 1 || marketDataType > 4) {
            throw new IllegalArgumentException("marketDataType must be 1..4 (1 live, 2 frozen, 3 delayed, "
                    + "4 delayed-frozen), was " + marketDataType);
        }
        if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("messagesPerSecond must be in 1.." + MAX_MESSAGES_PER_SECOND
                    + " (IB disconnects above 50/s), was " + messagesPerSecond);
        }
        if (maxMarketDataLines < 1) {
            throw new IllegalArgumentException("maxMarketDataLines must be >= 1, was " + maxMarketDataLines);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(reconnectInitialBackoff, "reconnectInitialBackoff");
        requirePositive(reconnectMaxBackoff, "reconnectMaxBackoff");
        if (reconnectMaxBackoff.compareTo(reconnectInitialBackoff) < 0) {
            throw new IllegalArgumentException("reconnectMaxBackoff (" + reconnectMaxBackoff
                    + ") must be >= reconnectInitialBackoff (" + reconnectInitialBackoff + ")");
        }
    }

    /** Defaults for a local TWS / gateway: 45 msg/s, 90 lines, delayed data off (live). */
    public static IbkrClientConfig defaults(String host, int port, int clientId) {
        return new IbkrClientConfig(host, port, clientId, 1, DEFAULT_MESSAGES_PER_SECOND,
                DEFAULT_MAX_MARKET_DATA_LINES, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public IbkrClientConfig withMarketDataType(int type) {
        return new IbkrClientConfig(host, port, clientId, type, messagesPerSecond, maxMarketDataLines,
                connectTimeout, requestTimeout, reconnectInitialBackoff, reconnectMaxBackoff);
    }

    public IbkrClientConfig withTimeouts(Duration connect, Duration request) {
        return new IbkrClientConfig(host, port, clientId, marketDataType, messagesPerSecond, maxMarketDataLines,
                connect, request, reconnectInitialBackoff, reconnectMaxBackoff);
    }

    public IbkrClientConfig withBackoff(Duration initial, Duration max) {
        return new IbkrClientConfig(host, port, clientId, marketDataType, messagesPerSecond, maxMarketDataLines,
                connectTimeout, requestTimeout, initial, max);
    }

    public IbkrClientConfig withLimits(int messagesPerSecondLimit, int lines) {
        return new IbkrClientConfig(host, port, clientId, marketDataType, messagesPerSecondLimit, lines,
                connectTimeout, requestTimeout, reconnectInitialBackoff, reconnectMaxBackoff);
    }

    private static void requirePositive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
    }
}
