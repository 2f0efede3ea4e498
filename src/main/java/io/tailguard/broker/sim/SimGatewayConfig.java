package io.tailguard.broker.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the simulated gateway. Every bad value is rejected with a message naming the field.
 *
 * @param port                    TCP port on 127.0.0.1; 0 picks an ephemeral port
 * @param accountId               the paper account the gateway serves (positions and summaries are booked to it)
 * @param seed                    seed of the market model (used by the default market)
 * @param managedAccounts         accounts announced in MANAGED_ACCTS; empty means just {@code accountId}
 * @param messagesPerSecond       IB's inbound message limit: one more in any 1-second window is error 100 and a disconnect
 * @param marketDataLineLimit     concurrent streaming plus in-flight snapshot lines: one more is error 101
 * @param tickInterval            how often streaming subscriptions are re-quoted and changed ticks pushed
 * @param permissionlessSymbols   symbols without a live market-data subscription: live requests get error 354
 * @param initialPositions        holdings at start
 * @param initialCashUsd          cash at start
 */
public record SimGatewayConfig(
        int port,
        String accountId,
        long seed,
        List<String> managedAccounts,
        int messagesPerSecond,
        int marketDataLineLimit,
        Duration tickInterval,
        Set<String> permissionlessSymbols,
        List<InitialPosition> initialPositions,
        BigDecimal initialCashUsd) {

    public static final int DEFAULT_PORT = 7497;
    public static final String DEFAULT_ACCOUNT = "DU1234567";

    public SimGatewayConfig {
        if (port < 0 || port > 65_535) {
            throw invalid("port", "must be 0..65535 (0 = ephemeral), was " + port);
        }
        if (accountId == null || accountId.isBlank()) {
            throw invalid("accountId", "must not be blank");
        }
        managedAccounts = managedAccounts == null || managedAccounts.isEmpty() ? List.of(accountId)
                : List.copyOf(managedAccounts);
        if (!managedAccounts.contains(accountId)) {
            throw invalid("managedAccounts", "must contain accountId " + accountId + ", was " + managedAccounts);
        }
        if (managedAccounts.stream().anyMatch(a -> a.isBlank() || a.contains(","))) {
            throw invalid("managedAccounts", "entries must be non-blank and contain no comma, was " + managedAccounts);
        }
        if (messagesPerSecond < 1) {
            throw invalid("messagesPerSecond", "must be >= 1, was " + messagesPerSecond);
        }
        if (marketDataLineLimit < 1) {
            throw invalid("marketDataLineLimit", "must be >= 1, was " + marketDataLineLimit);
        }
        if (tickInterval == null || tickInterval.isNegative() || tickInterval.isZero()) {
            throw invalid("tickInterval", "must be a positive duration, was " + tickInterval);
        }
        permissionlessSymbols = permissionlessSymbols == null ? Set.of() : Set.copyOf(permissionlessSymbols);
        initialPositions = initialPositions == null ? List.of() : List.copyOf(initialPositions);
        if (initialCashUsd == null) {
            throw invalid("initialCashUsd", "must be set");
        }
    }

    /** IB's defaults: paper account DU1234567 on 7497, 50 messages/s, 100 lines, 4,000 UPRO and $100,000 cash. */
    public static SimGatewayConfig defaults() {
        return new SimGatewayConfig(DEFAULT_PORT, DEFAULT_ACCOUNT, 42L, List.of(), 50, 100, Duration.ofMillis(250),
                Set.of(), List.of(InitialPosition.stock("UPRO", new BigDecimal("4000"), 60.0)),
                new BigDecimal("100000"));
    }

    public SimGatewayConfig withPort(int newPort) {
        return new SimGatewayConfig(newPort, accountId, seed, managedAccounts, messagesPerSecond,
                marketDataLineLimit, tickInterval, permissionlessSymbols, initialPositions, initialCashUsd);
    }

    public SimGatewayConfig withPermissionlessSymbols(Set<String> symbols) {
        return new SimGatewayConfig(port, accountId, seed, managedAccounts, messagesPerSecond,
                marketDataLineLimit, tickInterval, symbols, initialPositions, initialCashUsd);
    }

    public SimGatewayConfig withLimits(int newMessagesPerSecond, int newMarketDataLineLimit) {
        return new SimGatewayConfig(port, accountId, seed, managedAccounts, newMessagesPerSecond,
                newMarketDataLineLimit, tickInterval, permissionlessSymbols, initialPositions, initialCashUsd);
    }

    public SimGatewayConfig withTickInterval(Duration newTickInterval) {
        return new SimGatewayConfig(port, accountId, seed, managedAccounts, messagesPerSecond,
                marketDataLineLimit, newTickInterval, permissionlessSymbols, initialPositions, initialCashUsd);
    }

    public SimGatewayConfig withSeed(long newSeed) {
        return new SimGatewayConfig(port, accountId, newSeed, managedAccounts, messagesPerSecond,
                marketDataLineLimit, tickInterval, permissionlessSymbols, initialPositions, initialCashUsd);
    }

    /** The same gateway serving another paper account (announced alone in MANAGED_ACCTS). */
    public SimGatewayConfig withAccount(String newAccountId) {
        return new SimGatewayConfig(port, newAccountId, seed, List.of(newAccountId), messagesPerSecond,
                marketDataLineLimit, tickInterval, permissionlessSymbols, initialPositions, initialCashUsd);
    }

    private static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException("simGateway." + field + " " + problem);
    }

    /**
     * A holding at start. {@code conId} 0 means "the stock with this symbol", resolved against the market
     * when the gateway starts.
     */
    public record InitialPosition(long conId, String symbol, BigDecimal quantity, double averageCost) {
        public InitialPosition {
            if (conId < 0) {
                throw invalid("initialPositions.conId", "must be >= 0, was " + conId);
            }
            if (conId == 0 && (symbol == null || symbol.isBlank())) {
                throw invalid("initialPositions.symbol", "must be set when conId is 0");
            }
            Objects.requireNonNull(quantity, "simGateway.initialPositions.quantity");
            if (quantity.signum() == 0) {
                throw invalid("initialPositions.quantity", "must not be zero (" + symbol + ")");
            }
            if (!(averageCost >= 0)) {
                throw invalid("initialPositions.averageCost", "must be >= 0, was " + averageCost);
            }
        }

        public static InitialPosition stock(String symbol, BigDecimal quantity, double averageCost) {
            return new InitialPosition(0, symbol, quantity, averageCost);
        }
    }
}
