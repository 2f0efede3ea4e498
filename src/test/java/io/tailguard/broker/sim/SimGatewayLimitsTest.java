package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TwsTestClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IB's limits with counts: 50 messages/s (100), market-data lines (101), historical pacing (162). */
class SimGatewayLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
    private SimGateway gateway;

    private SimGateway start(int messagesPerSecond, int lines) {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withLimits(messagesPerSecond, lines),
                new FakeSimMarket(), clock).start();
        return gateway;
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void fiftyMessagesInOneSecondPassAndTheFiftyFirstIsError100AndADisconnect() {
        start(50, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) { // START_API is message 1
            for (int i = 0; i < 49; i++) {
                client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.CURRENT_TIME).size() == 49, "49 replies");
            assertThat(client.isClosed()).isFalse();
            client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            TwsTestClient.Received err = client.awaitError(100);
            assertThat(err.errorId()).isEqualTo(-1);
            assertThat(err.fields().get(4)).contains("max=50 rec=51");
            client.awaitClosed();
            assertThat(client.all(IncomingMessage.CURRENT_TIME)).hasSize(49);
        }
    }

    @Test
    void theRateWindowSlidesWithTheClock() {
        start(50, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            for (int i = 0; i < 49; i++) {
                client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.CURRENT_TIME).size() == 49, "first 49");
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 50; i++) {
                client.send(OutgoingMessage.REQ_CURRENT_TIME, 1);
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.CURRENT_TIME).size() == 99, "next 50");
            assertThat(client.all(m -> m.id() == IncomingMessage.ERR_MSG && m.errorCode() == 100)).isEmpty();
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void aRequestPastTheLineLimitGetsError101AndACancelFreesALine() {
        start(1000, 3);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.reqMktData(1, FakeSimMarket.UPRO, "", false);
            client.reqMktData(2, FakeSimMarket.XSP, "", false);
            client.reqMktData(3, FakeSimMarket.VIX, "", false);
            client.reqMktData(4, 3001, "", false);
            assertThat(client.awaitError(101).errorId()).isEqualTo(4);
            client.reqMktData(5, 3002, "", true); // a snapshot needs a line too
            client.await(m -> m.id() == IncomingMessage.ERR_MSG && m.errorCode() == 101 && m.errorId() == 5, "101 for 5");
            assertThat(gateway.marketDataLinesInUse()).isEqualTo(3);
            client.send(OutgoingMessage.CANCEL_MKT_DATA, 1, 2);
            client.reqMktData(6, 3001, "", false);
            client.await(m -> m.id() == IncomingMessage.MARKET_DATA_TYPE && m.intAt(2) == 6, "line 6 served");
            assertThat(client.all(m -> m.id() == IncomingMessage.ERR_MSG && m.errorCode() == 101)).hasSize(2);
        }
    }

    @Test
    void aSnapshotHoldsItsLineUntilItsReplyIsWritten() {
        start(1000, 1);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            gateway.delayReplies(Duration.ofMillis(500));
            client.reqMktData(1, FakeSimMarket.UPRO, "", true);
            client.reqMktData(2, FakeSimMarket.XSP, "", true);
            assertThat(client.awaitError(101).errorId()).isEqualTo(2);
            client.await(m -> m.id() == IncomingMessage.TICK_SNAPSHOT_END && m.intAt(2) == 1, "snapshot 1");
            TwsTestClient.until(() -> gateway.marketDataLinesInUse() == 0, "snapshot line released");
        }
    }

    @Test
    void linesAreSharedByConnectionsAndFreedWhenOneCloses() {
        start(1000, 2);
        try (TwsTestClient a = TwsTestClient.connect(gateway.port(), 1);
                TwsTestClient b = TwsTestClient.connect(gateway.port(), 2)) {
            a.reqMktData(1, FakeSimMarket.UPRO, "", false);
            a.reqMktData(2, FakeSimMarket.XSP, "", false);
            a.await(m -> m.id() == IncomingMessage.MARKET_DATA_TYPE && m.intAt(2) == 2, "a's second line");
            b.reqMktData(1, FakeSimMarket.VIX, "", false);
            assertThat(b.awaitError(101).errorId()).isEqualTo(1);
            a.close();
            TwsTestClient.until(() -> gateway.marketDataLinesInUse() == 0, "a's lines released");
        }
    }

    @Test
    void anIdenticalHistoricalRequestWithin15SecondsIsError162() {
        start(1000, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            client.reqDailyBars(1, FakeSimMarket.UPRO, "5 D", "");
            client.await(IncomingMessage.HISTORICAL_DATA);
            client.reqDailyBars(2, FakeSimMarket.UPRO, "5 D", "");
            assertThat(client.awaitError(162).errorId()).isEqualTo(2);
            clock.advance(Duration.ofSeconds(15));
            client.reqDailyBars(3, FakeSimMarket.UPRO, "5 D", "");
            client.await(m -> m.id() == IncomingMessage.HISTORICAL_DATA && m.intAt(1) == 3, "bars for 3");
        }
    }

    @Test
    void theSixthRequestForOneContractWithin2SecondsIsError162() {
        start(1000, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            for (int i = 1; i <= 5; i++) {
                client.reqDailyBars(i, FakeSimMarket.XSP, i + " D", "");
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.HISTORICAL_DATA).size() == 5, "5 answered");
            client.reqDailyBars(6, FakeSimMarket.XSP, "6 D", "");
            assertThat(client.awaitError(162).errorId()).isEqualTo(6);
            clock.advance(Duration.ofSeconds(2));
            client.reqDailyBars(7, FakeSimMarket.XSP, "7 D", "");
            client.await(m -> m.id() == IncomingMessage.HISTORICAL_DATA && m.intAt(1) == 7, "bars for 7");
        }
    }

    @Test
    void the61stRequestIn10MinutesIsError162() {
        start(1000, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            int reqId = 0;
            for (long conId = 3001; conId <= 3012; conId++) {
                for (int days = 1; days <= 5; days++) {
                    client.reqDailyBars(++reqId, conId, days + " D", "");
                }
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.HISTORICAL_DATA).size() == 60, "60 answered");
            clock.advance(Duration.ofMinutes(9));
            client.reqDailyBars(61, FakeSimMarket.UPRO, "1 D", "");
            assertThat(client.awaitError(162).errorId()).isEqualTo(61);
            clock.advance(Duration.ofMinutes(1));
            client.reqDailyBars(62, FakeSimMarket.UPRO, "1 D", "");
            client.await(m -> m.id() == IncomingMessage.HISTORICAL_DATA && m.intAt(1) == 62, "bars for 62");
        }
    }

    @Test
    void the51stOpenHistoricalRequestIsError162() {
        start(1000, 100);
        try (TwsTestClient client = TwsTestClient.connect(gateway.port(), 1)) {
            int reqId = 0;
            for (long conId = 3001; conId <= 3010; conId++) {
                for (int days = 1; days <= 5; days++) {
                    client.reqDailyBars(++reqId, conId, days + " D", "", true);
                }
            }
            TwsTestClient.until(() -> client.all(IncomingMessage.HISTORICAL_DATA).size() == 50, "50 open");
            client.reqDailyBars(51, FakeSimMarket.UPRO, "1 D", "", true);
            assertThat(client.awaitError(162).fields().get(4)).contains("open");
            client.send(OutgoingMessage.CANCEL_HISTORICAL_DATA, 1, 1);
            client.reqDailyBars(52, FakeSimMarket.UPRO, "1 D", "", true);
            client.await(m -> m.id() == IncomingMessage.HISTORICAL_DATA && m.intAt(1) == 52, "bars for 52");
        }
    }
}
