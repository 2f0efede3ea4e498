package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.TwsTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimGatewayFaultsTest {
    private SimGateway gateway;

    @BeforeEach
    void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(20)),
                new FakeSimMarket()).start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void dropsEveryConnectionAndKeepsListening() {
        try (TwsTestClient a = TwsTestClient.connect(gateway.port(), 1);
                TwsTestClient b = TwsTestClient.connect(gateway.port(), 2)) {
            gateway.dropAllConnections();
            a.awaitClosed();
            b.awaitClosed();
        }
        try (TwsTestClient again = TwsTestClient.connect(gateway.port(), 1)) {
            assertThat(again.await(IncomingMessage.MANAGED_ACCTS)).isNotNull();
        }
    }

    @Test
    void sendsConnectivityNoticesWithIdMinusOne() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            for (ConnectivityNotice notice : ConnectivityNotice.values()) {
                gateway.sendConnectivityNotice(notice);
                assertThat(client.awaitError(notice.code()).errorId()).isEqualTo(-1);
            }
            assertThat(ConnectivityNotice.values()).extracting(ConnectivityNotice::code).containsExactly(1100, 1101, 1102);
        }
    }

    @Test
    void dataLostOn1101EndsEveryStreamingLine() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.reqMktData(1, FakeSimMarket.UPRO, "", false);
            client.await(m -> m.id() == IncomingMessage.TICK_PRICE, "first tick");
            assertThat(gateway.marketDataLinesInUse()).isEqualTo(1);
            gateway.sendConnectivityNotice(ConnectivityNotice.LOST);
            gateway.sendConnectivityNotice(ConnectivityNotice.RESTORED_DATA_LOST);
            client.awaitError(1101);
            assertThat(gateway.marketDataLinesInUse()).isZero();
            client.reqMktData(1, FakeSimMarket.UPRO, "", false); // the same ticker id is free again
            client.await(m -> m.id() == IncomingMessage.MARKET_DATA_TYPE && m.intAt(2) == 1
                    && client.all(IncomingMessage.MARKET_DATA_TYPE).size() == 2, "resubscribed");
            assertThat(client.all(m -> m.id() == IncomingMessage.ERR_MSG && m.errorCode() == 322)).isEmpty();
        }
    }

    @Test
    void dropsRepliesToOneMessageIdOnly() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            gateway.dropRepliesTo(OutgoingMessage.REQ_CONTRACT_DATA);
            client.reqContractDetails(1, 0, "UPRO", "STK", "", "", "", "SMART");
            client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            client.await(IncomingMessage.CURRENT_TIME); // requests are served in order: the drop has happened
            assertThat(client.all(IncomingMessage.CONTRACT_DATA)).isEmpty();
            assertThat(client.all(IncomingMessage.CONTRACT_DATA_END)).isEmpty();
            gateway.clearFaults();
            client.reqContractDetails(2, 0, "UPRO", "STK", "", "", "", "SMART");
            assertThat(client.await(IncomingMessage.CONTRACT_DATA_END).intAt(2)).isEqualTo(2);
        }
    }

    @Test
    void delaysRepliesButNotPushedNotices() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            gateway.delayReplies(Duration.ofSeconds(2));
            client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            gateway.sendConnectivityNotice(ConnectivityNotice.LOST);
            client.awaitError(1100);
            assertThat(client.all(IncomingMessage.CURRENT_TIME)).isEmpty();
            client.await(IncomingMessage.CURRENT_TIME);
        }
    }

    @Test
    void crossesAndEmptiesAQuoteAndRestoresIt() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            gateway.crossQuote(FakeSimMarket.UPRO);
            Map<Integer, Double> crossed = snapshot(client, 1);
            assertThat(crossed.get(1)).isGreaterThan(crossed.get(2));
            gateway.emptyQuote(FakeSimMarket.UPRO);
            Map<Integer, Double> empty = snapshot(client, 2);
            assertThat(empty).containsEntry(1, -1.0).containsEntry(2, -1.0);
            gateway.restoreQuote(FakeSimMarket.UPRO);
            assertThat(snapshot(client, 3)).containsEntry(1, 89.95).containsEntry(2, 90.05);
        }
    }

    @Test
    void pushesACrossedQuoteToAStreamingLine() {
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.reqMktData(9, FakeSimMarket.UPRO, "", false);
            client.await(m -> m.id() == IncomingMessage.TICK_PRICE && m.intAt(3) == 2, "first ask");
            gateway.crossQuote(FakeSimMarket.UPRO);
            client.await(m -> m.id() == IncomingMessage.TICK_PRICE && m.intAt(3) == 1 && price(m) > 90.05,
                    "crossed bid pushed");
        }
    }

    @Test
    void refusesAClientIdAsInUse() {
        gateway.refuseClientId(9);
        try (TwsTestClient client = TwsTestClient.handshake(gateway.port(), 100, 193)) {
            client.send(OutgoingMessage.START_API, 2, 9, "");
            assertThat(client.awaitError(326).errorId()).isEqualTo(-1);
            client.awaitClosed();
            assertThat(client.all(IncomingMessage.NEXT_VALID_ID)).isEmpty();
        }
    }

    @Test
    void restartsOnTheSamePortKeepingTheAccount() {
        int port = gateway.port();
        for (int i = 0; i < 5; i++) { // the port must be free again at once, every time
            try (TwsTestClient before = TwsTestClient.connect(port, 1)) {
                gateway.restart();
                before.awaitClosed();
            }
        }
        assertThat(gateway.port()).isEqualTo(port);
        try (TwsTestClient after = TwsTestClient.connect(port, 1)) {
            after.send(OutgoingMessage.REQ_POSITIONS, 1);
            after.await(IncomingMessage.POSITION_END);
            assertThat(after.all(IncomingMessage.POSITION)).hasSize(1);
        }
    }

    private static Map<Integer, Double> snapshot(TwsTestClient client, int tickerId) {
        client.reqMktData(tickerId, FakeSimMarket.UPRO, "", true);
        client.await(m -> m.id() == IncomingMessage.TICK_SNAPSHOT_END && m.intAt(2) == tickerId, "snapshot end");
        Map<Integer, Double> prices = new HashMap<>();
        client.all(m -> m.id() == IncomingMessage.TICK_PRICE && m.intAt(2) == tickerId)
                .forEach(m -> prices.put(m.intAt(3), price(m)));
        return prices;
    }

    private static double price(TwsTestClient.Received tick) {
        FieldReader r = tick.reader();
        r.skip(3);
        return r.readDouble();
    }
}
