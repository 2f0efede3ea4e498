package io.tailguard.broker.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Position;
import io.tailguard.domain.SecurityType;
import io.tailguard.testing.ScriptedMarket;
import io.tailguard.testing.ScriptedTwsServer;
import io.tailguard.testing.ServerMessages;
import io.tailguard.testing.TestConfigs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IbkrBrokerTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 11, 27);
    private static final Contract XSP = Contract.index("XSP", "CBOE");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    private final ScriptedTwsServer server = new ScriptedTwsServer();
    private final ScriptedMarket market = new ScriptedMarket(server);
    private IbkrBroker broker;

    private IbkrBroker connect(IbkrClientConfig config) {
        broker = new IbkrBroker(config, CLOCK);
        broker.connect();
        return broker;
    }

    @AfterEach
    void close() {
        if (broker != null) {
            broker.close();
        }
        server.close();
    }

    private static ChainRequest chain(double width, Duration timeout) {
        return new ChainRequest(XSP, "XSP", EXPIRY, width, EnumSet.allOf(OptionRight.class), timeout);
    }

    @Test
    void pullsEveryOptionOfTheWindowWithQuotesGreeksAndTheUnderlyingPrice() {
        connect(TestConfigs.forPort(server.port()));

        OptionChain result = broker.optionChain(chain(0.01, Duration.ofSeconds(10)));

        assertThat(result.underlyingPrice()).isEqualTo(600.0);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.options()).hasSize(26); // strikes 594..606, puts and calls
        assertThat(result.options()).allSatisfy(o -> {
            assertThat(o.quote().hasBidAndAsk()).isTrue();
            assertThat(o.quote().greeks().impliedVol()).isEqualTo(0.18);
            assertThat(o.quote().greeks().underlyingPrice()).isEqualTo(600.0);
            assertThat(o.quote().bidSize()).isEqualTo(10);
            assertThat(o.contract().conId()).isPositive();
        });
        assertThat(result.warnings()).isEmpty();
        assertThat(result.pulledAt()).isEqualTo(CLOCK.instant());
        // the whole expiry is qualified with ONE contract request, not one per strike
        assertThat(server.received(OutgoingMessage.REQ_CONTRACT_DATA)).hasSize(2);
    }

    @Test
    void listsWhatDidNotQuoteInTimeAsMissingWithTheReason() {
        market.silence(ScriptedMarket.optionConId(598, "P"));
        market.withholdPermission(ScriptedMarket.optionConId(602, "C"));
        connect(TestConfigs.forPort(server.port()));

        OptionChain result = broker.optionChain(chain(0.01, Duration.ofMillis(1500)));

        assertThat(result.options()).hasSize(24);
        assertThat(result.missing()).hasSize(2);
        assertThat(result.missing()).anySatisfy(m -> {
            assertThat(m.strike()).isEqualByComparingTo("598");
            assertThat(m.reason()).startsWith("no quote within");
        });
        assertThat(result.missing()).anySatisfy(m -> {
            assertThat(m.strike()).isEqualByComparingTo("602");
            assertThat(m.reason()).startsWith("no market data permission for XSP 2026-11-27 602 C");
        });
        // the silent line's cancel is queued as the pull gives up on it, and reaches the server after a
        // pacing slot: wait for it, then check that it was the only one
        io.tailguard.testing.Await.until(() -> !server.received(OutgoingMessage.CANCEL_MKT_DATA).isEmpty(),
                Duration.ofSeconds(5));
        assertThat(server.received(OutgoingMessage.CANCEL_MKT_DATA)).hasSize(1);
    }

    @Test
    void keepsTheChainPullWithinItsMarketDataLines() {
        connect(TestConfigs.forPort(server.port()).withLimits(45, 4));

        OptionChain result = broker.optionChain(chain(0.01, Duration.ofSeconds(10)));

        assertThat(result.options()).hasSize(26);
        assertThat(market.maxOpenLines()).isLessThanOrEqualTo(4);
    }

    @Test
    void completesAChainPullThroughAGatewayRestart() {
        market.dropConnectionAtMarketDataRequest(10);
        connect(TestConfigs.forPort(server.port()));

        OptionChain result = broker.optionChain(chain(0.01, Duration.ofSeconds(10)));

        assertThat(server.connections()).isEqualTo(2);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.options()).hasSize(26);
    }

    @Test
    void warnsWhenTheChainComesFromDelayedData() {
        connect(TestConfigs.forPort(server.port()).withMarketDataType(3));

        OptionChain result = broker.optionChain(chain(0.005, Duration.ofSeconds(10)));

        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("delayed market data"));
        assertThat(server.received(OutgoingMessage.REQ_MARKET_DATA_TYPE).get(0).fields()).containsExactly("59", "1", "3");
    }

    @Test
    void qualifiesAContractAndRefusesAnUnknownOne() {
        connect(TestConfigs.forPort(server.port()));

        assertThat(broker.qualify(Contract.stock("UPRO")).contract().conId()).isEqualTo(58_000_001);
        assertThat(broker.accountId()).isEqualTo("DU1234567");
        assertThatThrownBy(() -> broker.qualify(Contract.stock("NOPE")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.NOT_FOUND));
    }

    @Test
    void listsTheOptionClassDefinitionsOfAnUnderlying() {
        connect(TestConfigs.forPort(server.port()));

        List<OptionChainDefinition> defs = broker.optionChainDefinitions(XSP);

        assertThat(defs).hasSize(2);
        OptionChainDefinition smart = defs.get(0);
        assertThat(smart.tradingClass()).isEqualTo("XSP");
        assertThat(smart.multiplier()).isEqualTo(100);
        assertThat(smart.expirations()).first().isEqualTo(EXPIRY);
        assertThat(smart.strikes()).contains(new BigDecimal("600.5"));
        assertThat(server.received(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS).get(0).fields())
                .containsExactly("78", "100000001", "XSP", "", "IND", "416904");
    }

    @Test
    void readsPositionsAndCancelsThePositionSubscription() {
        server.on(OutgoingMessage.REQ_POSITIONS, (s, f) -> {
            s.send(ServerMessages.of(IncomingMessage.POSITION, 3, "DU1234567", 58_000_001, "UPRO", "STK", "", 0.0, "",
                    "", "ARCA", "USD", "UPRO", "UPRO", "300", 71.25));
            s.send(ServerMessages.of(IncomingMessage.POSITION, 3, "DU1234567", 1_005_901, "XSP", "OPT", EXPIRY.toString()
                    .replace("-", ""), 590.0, "P", "100", "", "USD", "XSP   261127P00590000", "XSP", "-2", 310.0));
            s.send(ServerMessages.of(IncomingMessage.POSITION_END, 1));
        });
        connect(TestConfigs.forPort(server.port()));

        List<Position> positions = broker.positions();

        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).quantity()).isEqualByComparingTo("300");
        Position put = positions.get(1);
        assertThat(put.contract().securityType()).isEqualTo(SecurityType.OPTION);
        assertThat(put.contract().strike()).isEqualByComparingTo("590");
        assertThat(put.contract().multiplier()).isEqualTo(100);
        assertThat(put.quantity()).isEqualByComparingTo("-2");
        io.tailguard.testing.Await.until(() -> server.received(OutgoingMessage.CANCEL_POSITIONS).size() == 1,
                Duration.ofSeconds(5));
    }

    @Test
    void readsTheAccountSummaryOfTheManagedAccount() {
        server.on(OutgoingMessage.REQ_ACCOUNT_SUMMARY, (s, f) -> {
            int id = f.intField(2);
            s.send(ServerMessages.of(IncomingMessage.ACCOUNT_SUMMARY, 1, id, "DU1234567", "NetLiquidation", "1000000.50", "USD"));
            s.send(ServerMessages.of(IncomingMessage.ACCOUNT_SUMMARY, 1, id, "DU1234567", "TotalCashValue", "250000", "USD"));
            s.send(ServerMessages.of(IncomingMessage.ACCOUNT_SUMMARY, 1, id, "DU1234567", "BuyingPower", "4000000", "USD"));
            s.send(ServerMessages.of(IncomingMessage.ACCOUNT_SUMMARY_END, 1, id));
        });
        connect(TestConfigs.forPort(server.port()));

        AccountSummary summary = broker.accountSummary();

        assertThat(summary.netLiquidation()).isEqualByComparingTo("1000000.50");
        assertThat(summary.totalCash()).isEqualByComparingTo("250000");
        assertThat(summary.buyingPower()).isEqualByComparingTo("4000000");
        io.tailguard.testing.Await.until(() -> server.received(OutgoingMessage.CANCEL_ACCOUNT_SUMMARY).size() == 1,
                Duration.ofSeconds(5));
    }

    @Test
    void readsDailyBarsAndKeepsTheLastOnesAskedFor() {
        server.on(OutgoingMessage.REQ_HISTORICAL_DATA, (s, f) -> s.send(ServerMessages.of(IncomingMessage.HISTORICAL_DATA,
                f.intField(1), "20261110", "20261123", 3,
                "20261119", 590.0, 595.0, 588.0, 594.0, "-1", "-1", 0,
                "20261120", 594.0, 599.0, 593.0, 598.0, "-1", "-1", 0,
                "20261123", 598.0, 601.0, 597.0, 600.0, "-1", "-1", 0)));
        connect(TestConfigs.forPort(server.port()));

        List<DailyBar> bars = broker.dailyBars(XSP, 2);

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23));
        assertThat(bars.get(1).close()).isEqualTo(600.0);
        assertThat(bars.get(1).volume()).isNaN();
        List<String> request = server.received(OutgoingMessage.REQ_HISTORICAL_DATA).get(0).fields();
        assertThat(request.subList(16, 21)).containsExactly("1 day", "7 D", "1", "TRADES", "1");
    }

    @Test
    void readsAMarketRuleAndTheServerTime() {
        server.on(OutgoingMessage.REQ_MARKET_RULE, (s, f) -> s.send(ServerMessages.of(IncomingMessage.MARKET_RULE,
                f.intField(1), 2, 0.0, 0.01, 3.0, 0.05)));
        server.on(OutgoingMessage.REQ_CURRENT_TIME, (s, f) -> s.send(ServerMessages.of(49, 1, 1_795_000_000L)));
        connect(TestConfigs.forPort(server.port()));

        MarketRule rule = broker.marketRule(110);

        assertThat(rule.id()).isEqualTo(110);
        assertThat(rule.incrementAt(2.5)).isCloseTo(0.01, within(1e-12));
        assertThat(rule.incrementAt(3.2)).isCloseTo(0.05, within(1e-12));
        assertThat(broker.serverTime()).isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
    }
}
