package io.tailguard.broker.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.broker.ibkr.chain.ChainPullBenchmark;
import io.tailguard.broker.sim.ConnectivityNotice;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import io.tailguard.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our client against the server engineer's SimGateway (ModelMarket) over loopback: the one broker path. */
class IbkrBrokerSimGatewayTest {
    private static final Contract XSP = Contract.index("XSP", "CBOE");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SimGateway gateway;
    private IbkrBroker broker;

    private IbkrBroker start(SimGatewayConfig gatewayConfig, int marketDataType) {
        gateway = SimGateway.withModelMarket(gatewayConfig.withPort(freePortBelowTheEphemeralRange())).start();
        IbkrClientConfig config = new IbkrClientConfig("127.0.0.1", gateway.port(), 11, marketDataType, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500));
        broker = new IbkrBroker(config, Clock.systemUTC());
        broker.connect();
        return broker;
    }

    /**
     * A restart re-binds the same port; an ephemeral one can meanwhile be taken by an outgoing socket
     * (our client reconnecting), so pick one below Linux's ephemeral range.
     */
    private static int freePortBelowTheEphemeralRange() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000..29999");
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private LocalDate nextWeekly() {
        LocalDate today = broker.serverTime().atZone(ZoneId.of("America/New_York")).toLocalDate();
        return ChainPullBenchmark.nextExpiry(broker, XSP, "XSP", today.plusDays(1));
    }

    private ChainRequest chain(double width) {
        return new ChainRequest(XSP, "XSP", nextWeekly(), width, EnumSet.allOf(OptionRight.class), Duration.ofSeconds(40));
    }

    @Test
    void pullsAFourHundredOptionChainWithoutTrippingTheRateOrLineLimits() {
        start(SimGatewayConfig.defaults(), 1);

        OptionChain chain = broker.optionChain(chain(0.18));

        assertThat(chain.options().size()).isBetween(350, 450);
        assertThat(chain.isComplete()).as("missing: %s", chain.missing()).isTrue();
        assertThat(chain.options()).allSatisfy(o -> assertThat(o.quote().greeks().hasImpliedVol()).isTrue());
        assertThat(broker.client().sessionsOpened()).as("no disconnect (error 100)").isEqualTo(1);
        Await.until(() -> gateway.marketDataLinesInUse() == 0, WAIT);
    }

    @Test
    void completesAChainPullThroughAGatewayRestart() throws Exception {
        start(SimGatewayConfig.defaults(), 1);
        ChainRequest request = chain(0.04);

        CompletableFuture<OptionChain> pull = CompletableFuture.supplyAsync(() -> broker.optionChain(request));
        Await.until(() -> gateway.marketDataLinesInUse() > 0 || pull.isDone(), WAIT);
        gateway.restart();
        OptionChain chain = pull.get(60, TimeUnit.SECONDS);

        assertThat(chain.isComplete()).as("missing: %s", chain.missing()).isTrue();
        assertThat(chain.options()).isNotEmpty();
    }

    @Test
    void reportsAMissingMarketDataPermissionClearly() {
        SimGatewayConfig d = SimGatewayConfig.defaults();
        start(new SimGatewayConfig(0, d.accountId(), d.seed(), d.managedAccounts(), d.messagesPerSecond(),
                d.marketDataLineLimit(), d.tickInterval(), Set.of("XSP"), d.initialPositions(), d.initialCashUsd()), 1);

        assertThatThrownBy(() -> broker.optionChain(chain(0.02)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.PERMISSION))
                .hasMessageContaining("no market data permission for XSP");
    }

    @Test
    void servesEveryReadOfThePort() {
        start(SimGatewayConfig.defaults(), 1);

        ContractDetails upro = broker.qualify(Contract.stock("UPRO"));
        assertThat(broker.accountId()).isEqualTo("DU1234567");
        assertThat(broker.positions()).anySatisfy(p -> assertThat(p.contract().symbol()).isEqualTo("UPRO"));
        assertThat(broker.accountSummary().netLiquidation()).isPositive();
        assertThat(broker.dailyBars(XSP, 20)).hasSize(20);
        assertThat(broker.dailyBars(upro.contract(), 5)).hasSize(5);
        assertThat(upro.marketRuleIds()).isNotEmpty();
        assertThat(broker.marketRule(upro.marketRuleIds().get(0)).increments()).isNotEmpty();
        assertThat(broker.optionChainDefinitions(XSP)).isNotEmpty();
        assertThat(broker.snapshot(upro.contract()).last()).isPositive();
    }

    @Test
    void resubscribesAStreamWhenTwsReportsDataLost() {
        start(SimGatewayConfig.defaults(), 1);
        List<Quote> quotes = new CopyOnWriteArrayList<>();
        try (QuoteSubscription sub = broker.subscribe(Contract.stock("UPRO"), quotes::add)) {
            Await.until(() -> !quotes.isEmpty(), WAIT);

            gateway.sendConnectivityNotice(ConnectivityNotice.LOST);
            gateway.sendConnectivityNotice(ConnectivityNotice.RESTORED_DATA_LOST);
            int before = quotes.size();

            Await.until(() -> quotes.size() > before + 2, WAIT);
            Await.until(() -> gateway.marketDataLinesInUse() == 1, WAIT);
        }
        Await.until(() -> gateway.marketDataLinesInUse() == 0, WAIT);
    }

    @Test
    void marksDelayedDataWithAWarning() {
        start(SimGatewayConfig.defaults(), 3);

        OptionChain chain = broker.optionChain(chain(0.01));

        assertThat(chain.warnings()).anySatisfy(w -> assertThat(w).contains("delayed"));
        assertThat(chain.options()).isNotEmpty().allSatisfy(o -> assertThat(o.quote().delayed()).isTrue());
    }
}
