package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.OptionRight;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.TwsTestClient;
import io.tailguard.testing.TwsTestClient.Received;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimGatewayRequestsTest {
    private FakeSimMarket market;
    private SimGateway gateway;
    private TwsTestClient client;

    @BeforeEach
    void start() {
        market = new FakeSimMarket();
        SimGatewayConfig config = SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(20))
                .withPermissionlessSymbols(Set.of("VIX"));
        gateway = new SimGateway(config, market).start();
        client = TwsTestClient.connect(gateway.port(), 11);
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.stop();
    }

    @Test
    void answersReqIdsWithTheNextValidId() {
        client.send(OutgoingMessage.REQ_IDS, 1, 1);
        TwsTestClient.until(() -> client.all(IncomingMessage.NEXT_VALID_ID).size() == 2, "second NEXT_VALID_ID");
        FieldReader r = client.all(IncomingMessage.NEXT_VALID_ID).get(1).reader();
        r.readInt();
        assertThat(r.readInt()).isEqualTo(1);
    }

    @Test
    void answersCurrentTimeWithTheMarketsEpochSeconds() {
        client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
        FieldReader r = client.await(IncomingMessage.CURRENT_TIME).reader();
        r.readInt();
        assertThat(r.readLong()).isEqualTo(FakeSimMarket.NOW.getEpochSecond());
    }

    @Test
    void servesContractDetailsOfAStockFieldByField() {
        client.reqContractDetails(5, 0, "UPRO", "STK", "", "", "", "SMART");
        FieldReader r = client.await(IncomingMessage.CONTRACT_DATA).reader();
        assertThat(r.readInt()).isEqualTo(5);
        assertThat(r.readString()).isEqualTo("UPRO");
        assertThat(r.readString()).isEqualTo("STK");
        r.skip(5); // lastTradeDateOrContractMonth, lastTradeDate, strike, right, exchange
        assertThat(r.readString()).isEqualTo("USD");
        r.skip(3); // localSymbol, marketName, tradingClass
        assertThat(r.readLong()).isEqualTo(FakeSimMarket.UPRO);
        assertThat(r.readDouble()).isEqualTo(0.01);
        r.skip(16); // multiplier, orderTypes, validExchanges, priceMagnifier, underConId, longName .. evMultiplier
        assertThat(r.readInt()).isZero(); // secIdList count
        r.skip(3); // aggGroup, underSymbol, underSecType
        assertThat(r.readString()).isEqualTo("26");
        r.skip(5); // realExpirationDate, stockType, minSize, sizeIncrement, suggestedSizeIncrement
        assertThat(r.readInt()).isZero(); // ineligibility reasons
        assertThat(r.hasNext()).isFalse();
        assertThat(client.await(IncomingMessage.CONTRACT_DATA_END).intAt(2)).isEqualTo(5);
    }

    @Test
    void expandsAPartialOptionQueryOverTheChain() {
        client.reqContractDetails(6, 0, "XSP", "OPT", "20261127", "", "P", "SMART");
        client.await(m -> m.id() == IncomingMessage.CONTRACT_DATA_END, "contract data end");
        List<Received> details = client.all(IncomingMessage.CONTRACT_DATA);
        assertThat(details).hasSize(FakeSimMarket.STRIKES.size());
        FieldReader r = details.get(0).reader();
        r.readInt();
        assertThat(r.readString()).isEqualTo("XSP");
        assertThat(r.readString()).isEqualTo("OPT");
        assertThat(r.readString()).isEqualTo("20261127");
        r.readString();
        assertThat(r.readDouble()).isEqualTo(580.0);
        assertThat(r.readString()).isEqualTo("P");
    }

    @Test
    void reportsAnUnknownContractWithError200() {
        client.reqContractDetails(7, 0, "NOPE", "STK", "", "", "", "SMART");
        Received err = client.awaitError(200);
        assertThat(err.errorId()).isEqualTo(7);
        assertThat(err.fields().get(4)).isEqualTo("No security definition has been found for the request");
    }

    @Test
    void servesSecDefOptionParameters() {
        client.send(OutgoingMessage.REQ_SEC_DEF_OPT_PARAMS, 8, "XSP", "", "IND", FakeSimMarket.XSP);
        FieldReader r = client.await(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER).reader();
        assertThat(r.readInt()).isEqualTo(8);
        assertThat(r.readString()).isEqualTo("SMART");
        assertThat(r.readLong()).isEqualTo(FakeSimMarket.XSP);
        assertThat(r.readString()).isEqualTo("XSP");
        assertThat(r.readInt()).isEqualTo(100);
        assertThat(r.readInt()).isEqualTo(2);
        assertThat(List.of(r.readString(), r.readString())).containsExactly("20261127", "20261204");
        assertThat(r.readInt()).isEqualTo(5);
        r.skip(5);
        assertThat(r.hasNext()).isFalse();
        assertThat(client.await(IncomingMessage.SECURITY_DEFINITION_OPTION_PARAMETER_END).reader().readInt()).isEqualTo(8);
    }

    @Test
    void servesMarketRules() {
        client.send(OutgoingMessage.REQ_MARKET_RULE, 110);
        FieldReader r = client.await(IncomingMessage.MARKET_RULE).reader();
        assertThat(r.readInt()).isEqualTo(110);
        assertThat(r.readInt()).isEqualTo(2);
        assertThat(List.of(r.readDouble(), r.readDouble(), r.readDouble(), r.readDouble()))
                .containsExactly(0.0, 0.01, 3.0, 0.05);
    }

    @Test
    void snapshotOfAnOptionSendsQuoteGreeksAndSnapshotEnd() {
        long put = market.optionConId(FakeSimMarket.EXPIRY_1, BigDecimal.valueOf(590), OptionRight.PUT);
        client.reqMktData(20, put, "", true);
        client.await(IncomingMessage.TICK_SNAPSHOT_END);
        assertThat(typeAck(20)).isEqualTo(1);
        Map<Integer, Double> prices = prices(20);
        assertThat(prices).containsEntry(1, 1.95).containsEntry(2, 2.05).containsEntry(4, 2.0);
        FieldReader model = client.await(m -> m.id() == IncomingMessage.TICK_OPTION_COMPUTATION
                && m.intAt(2) == 13, "model option computation").reader();
        assertThat(model.readInt()).isEqualTo(20);
        model.readInt();
        model.readInt(); // price-based
        assertThat(model.readDouble()).isEqualTo(0.18); // implied vol
        assertThat(model.readDouble()).isEqualTo(-0.4); // delta
        assertThat(model.readDouble()).isEqualTo(2.0); // option price
        model.readDouble(); // pv dividend
        assertThat(List.of(model.readDouble(), model.readDouble(), model.readDouble())).containsExactly(0.02, 0.3, -0.25);
        assertThat(model.readDouble()).isEqualTo(590.0);
        FieldReader params = client.await(IncomingMessage.TICK_REQ_PARAMS).reader();
        assertThat(params.readInt()).isEqualTo(20);
        assertThat(params.readDouble()).isEqualTo(0.01);
        TwsTestClient.until(() -> gateway.marketDataLinesInUse() == 0, "snapshot line released");
    }

    @Test
    void streamingPushesChangesUntilCancelled() {
        client.reqMktData(21, FakeSimMarket.UPRO, "100,101", false);
        client.await(m -> m.id() == IncomingMessage.TICK_SIZE && m.intAt(3) == 28, "last generic tick");
        assertThat(client.all(m -> m.id() == IncomingMessage.TICK_SIZE).stream()
                .map(m -> m.intAt(3)).toList()).contains(29, 30, 27, 28);
        assertThat(gateway.marketDataLinesInUse()).isEqualTo(1);
        market.setQuote(FakeSimMarket.UPRO, 91.0, 91.1, 91.05);
        client.await(m -> m.id() == IncomingMessage.TICK_PRICE && priceOf(m) == 91.0, "pushed bid 91");
        client.send(OutgoingMessage.CANCEL_MKT_DATA, 1, 21);
        TwsTestClient.until(() -> gateway.marketDataLinesInUse() == 0, "line released on cancel");
        assertThat(client.all(IncomingMessage.TICK_SNAPSHOT_END)).isEmpty();
    }

    @Test
    void delayedMarketDataTypeSendsDelayedTicksAndNotice10167() {
        client.send(OutgoingMessage.REQ_MARKET_DATA_TYPE, 1, 3);
        client.reqMktData(22, FakeSimMarket.XSP, "", true);
        client.await(IncomingMessage.TICK_SNAPSHOT_END);
        assertThat(typeAck(22)).isEqualTo(3);
        assertThat(client.awaitError(10167).errorId()).isEqualTo(22);
        assertThat(prices(22)).containsKeys(66, 67, 68).doesNotContainKeys(1, 2, 4);
    }

    @Test
    void refusesLiveDataForAPermissionlessSymbolWith354() {
        client.reqMktData(23, FakeSimMarket.VIX, "", false);
        assertThat(client.awaitError(354).errorId()).isEqualTo(23);
        assertThat(gateway.marketDataLinesInUse()).isZero();
    }

    @Test
    void servesDailyBars() {
        client.reqDailyBars(30, FakeSimMarket.UPRO, "5 D", "");
        FieldReader r = client.await(IncomingMessage.HISTORICAL_DATA).reader();
        assertThat(r.readInt()).isEqualTo(30);
        assertThat(r.readString()).isEqualTo("20261115 00:00:00");
        r.readString();
        assertThat(r.readInt()).isEqualTo(5);
        assertThat(r.readString()).isEqualTo("20261115");
        assertThat(r.readDouble()).isCloseTo(89.9, within(1e-9));
        r.skip(3 + 3 + 4 * 8);
        assertThat(r.hasNext()).isFalse();
    }

    @Test
    void servesPositionsFromTheAccount() {
        client.send(OutgoingMessage.REQ_POSITIONS, 1);
        client.await(IncomingMessage.POSITION_END);
        FieldReader r = client.await(IncomingMessage.POSITION).reader();
        assertThat(r.readInt()).isEqualTo(3);
        assertThat(r.readString()).isEqualTo("DU1234567");
        assertThat(r.readLong()).isEqualTo(FakeSimMarket.UPRO);
        assertThat(r.readString()).isEqualTo("UPRO");
        r.skip(9); // secType .. tradingClass
        assertThat(r.readDecimal()).isEqualByComparingTo("4000");
        assertThat(r.readDouble()).isEqualTo(60.0);
    }

    @Test
    void servesTheAccountSummaryTagsAsked() {
        client.send(OutgoingMessage.REQ_ACCOUNT_SUMMARY, 1, 40, "All", "NetLiquidation,TotalCashValue,BuyingPower");
        client.await(IncomingMessage.ACCOUNT_SUMMARY_END);
        Map<String, String> values = client.all(IncomingMessage.ACCOUNT_SUMMARY).stream().map(Received::reader)
                .collect(Collectors.toMap(r -> {
                    r.skip(3);
                    return r.readString();
                }, FieldReader::readString));
        // 4,000 UPRO at mid 90 plus $100,000 cash
        assertThat(values).containsEntry("NetLiquidation", "460000.00").containsEntry("TotalCashValue", "100000.00")
                .containsEntry("BuyingPower", "1480000.00");
    }

    private int typeAck(int tickerId) {
        FieldReader r = client.await(m -> m.id() == IncomingMessage.MARKET_DATA_TYPE
                && m.intAt(2) == tickerId, "market data type").reader();
        r.skip(2);
        return r.readInt();
    }

    private Map<Integer, Double> prices(int tickerId) {
        return client.all(m -> m.id() == IncomingMessage.TICK_PRICE && m.intAt(2) == tickerId).stream()
                .collect(Collectors.toMap(m -> m.intAt(3), SimGatewayRequestsTest::priceOf,
                        (a, b) -> b));
    }

    private static double priceOf(Received tickPrice) {
        FieldReader r = tickPrice.reader();
        r.skip(3);
        return r.readDouble();
    }
}
