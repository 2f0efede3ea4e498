package io.tailguard.broker.ibkr.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.client.TwsClient;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.domain.Quote;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.testing.Await;
import io.tailguard.testing.ScriptedTwsServer;
import io.tailguard.testing.ServerMessages;
import io.tailguard.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TwsConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void completesTheHandshakeOnceAccountsAndNextValidIdArrived() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            ConnectInfo info = client.connect();

            assertThat(info.serverVersion()).isEqualTo(193);
            assertThat(info.managedAccounts()).containsExactly("DU1234567");
            assertThat(info.nextValidId()).isEqualTo(1);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            List<String> startApi = server.received(OutgoingMessage.START_API).get(0).fields();
            assertThat(startApi).containsExactly("71", "2", "7", "");
        }
    }

    @Test
    void refusesAnOlderServerVersionNamingTheTwsReleaseNeeded() {
        try (ScriptedTwsServer server = new ScriptedTwsServer(187);
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.PROTOCOL))
                    .hasMessageContaining("187")
                    .hasMessageContaining("10.32");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void backsOffAndRetriesWhenTheClientIdIsInUse() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            server.refuseClientIdTimes(2);

            client.connect();

            assertThat(server.connections()).isEqualTo(3);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void reconnectsAfterTheServerDropsTheSocketAndRestoresMarketDataTypeAndStreams() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()).withMarketDataType(3),
                        Clock.systemUTC())) {
            server.on(OutgoingMessage.REQ_MKT_DATA, (s, f) ->
                    s.send(ServerMessages.tickPrice(f.intField(2), 4, 55.5, "10")));
            client.connect();
            List<Quote> quotes = new CopyOnWriteArrayList<>();
            QuoteSubscription sub = client.subscribe(ContractSpec.of(Contract.stock("UPRO")), "UPRO", "", quotes::add);
            Await.until(() -> quotes.size() == 1, WAIT);

            server.dropConnection();

            Await.until(() -> server.connections() == 2 && quotes.size() == 2, WAIT);
            assertThat(server.received(OutgoingMessage.REQ_MARKET_DATA_TYPE)).hasSize(2)
                    .allSatisfy(f -> assertThat(f.fields()).containsExactly("59", "1", "3"));
            List<ScriptedTwsServer.Frame> mktData = server.received(OutgoingMessage.REQ_MKT_DATA);
            assertThat(mktData).hasSize(2);
            assertThat(mktData.get(1).fields()).isEqualTo(mktData.get(0).fields());
            sub.close();
            Await.until(() -> server.received(OutgoingMessage.CANCEL_MKT_DATA).size() == 1, WAIT);
        }
    }

    @Test
    void resubscribesStreamsWhenTwsReportsMarketDataLost() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connect();
            QuoteSubscription sub = client.subscribe(ContractSpec.of(Contract.stock("UPRO")), "UPRO", "", q -> { });
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 1, WAIT);

            server.current().send(ServerMessages.error(-1, 1100, "Connectivity between IB and TWS has been lost."));
            server.current().send(ServerMessages.error(-1, 1101, "Connectivity restored - data lost."));

            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 2, WAIT);
            assertThat(server.received(OutgoingMessage.CANCEL_MKT_DATA)).hasSize(1);
            assertThat(server.received(OutgoingMessage.REQ_MARKET_DATA_TYPE)).hasSize(2);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            sub.close();
        }
    }

    @Test
    void aRequestMadeWhileDisconnectedFailsWithConnectivityAfterItsTimeout() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connect();
            server.setAccepting(false);
            server.dropConnection();
            Await.until(() -> client.state() != ConnectionState.CONNECTED, WAIT);

            CompletableFuture<?> time = client.currentTime(Duration.ofMillis(300));

            assertThatThrownBy(() -> time.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.CONNECTIVITY))
                    .hasMessageContaining("not connected");
        }
    }

    @Test
    void aRequestMadeWhileDisconnectedIsSentOnceTheConnectionIsBack() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            server.on(OutgoingMessage.REQ_CURRENT_TIME, (s, f) -> s.send(ServerMessages.of(49, 1, 1_795_000_000L)));
            client.connect();
            server.setAccepting(false);
            server.dropConnection();
            Await.until(() -> client.state() != ConnectionState.CONNECTED, WAIT);

            CompletableFuture<?> time = client.currentTime(Duration.ofSeconds(4));
            server.setAccepting(true);

            assertThat(time.get(5, TimeUnit.SECONDS)).isEqualTo(java.time.Instant.ofEpochSecond(1_795_000_000L));
            assertThat(server.received(OutgoingMessage.REQ_CURRENT_TIME)).hasSize(1);
        }
    }

    @Test
    void givesUpTheFirstConnectWithTheClientIdCodeWhenTheIdStaysInUse() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port())
                        .withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(1)), Clock.systemUTC())) {
            server.refuseClientIdTimes(1_000);

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BrokerErrorKind.CONNECTIVITY);
                        assertThat(e.code()).isEqualTo(326);
                    });
        }
    }

    @Test
    void startsOverWithAFreshSocketWhenTheLinkStaysLostAfter1100() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connect();

            server.current().send(ServerMessages.error(-1, 1100, "Connectivity between IB and TWS has been lost."));

            Await.until(() -> client.state() == ConnectionState.LINK_LOST || server.connections() == 2, WAIT);
            Await.until(() -> server.connections() == 2 && client.state() == ConnectionState.CONNECTED, WAIT);
            assertThat(client.sessionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aBackgroundConnectKeepsTryingPastTheConnectTimeoutUntilTwsAnswers() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port())
                        .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(1)), Clock.systemUTC())) {
            server.setAccepting(false); // TWS down: every socket is closed at once

            client.connectInBackground();

            // attempts at 0, 50, 150, 350, 750, 1150 ms: the sixth comes long after a blocking connect gave up
            Await.until(() -> client.health().failedAttempts() >= 6, WAIT);
            ConnectionHealth down = client.health();
            assertThat(down.isUp()).isFalse();
            assertThat(down.connectedAt()).as("never connected").isNull();
            assertThat(down.since()).as("down since the connect was asked for").isNotNull();
            assertThat(down.lastError()).contains("closed");

            server.setAccepting(true);

            Await.until(() -> client.state() == ConnectionState.CONNECTED, WAIT);
            ConnectionHealth up = client.health();
            assertThat(up.connectedAt()).isNotNull().isEqualTo(up.since());
            assertThat(up.failedAttempts()).isZero();
            assertThat(client.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aBackgroundConnectOutlastsAClientIdThatStaysInUse() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port())
                        .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(1)), Clock.systemUTC())) {
            server.refuseClientIdTimes(1_000); // TWS still holds the id of a killed predecessor

            client.connectInBackground();

            Await.until(() -> client.health().failedAttempts() >= 6, WAIT);
            assertThat(client.health().lastError()).contains("IB error 326");
            assertThat(client.health().lostAt()).as("a refused handshake is no session that ended").isNull();

            server.refuseClientIdTimes(0); // TWS noticed the old socket is gone

            Await.until(() -> client.state() == ConnectionState.CONNECTED, WAIT);
        }
    }

    @Test
    void aBackgroundConnectRetriesAWrongTwsVersionAtTheSlowestPace() {
        try (ScriptedTwsServer server = new ScriptedTwsServer(187);
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connectInBackground();

            // a blocking connect gives up after one attempt (above); the trader may install a newer TWS
            Await.until(() -> server.connections() >= 2, WAIT);
            assertThat(client.health().lastError()).contains("10.32");
            assertThat(client.state()).isNotEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void healthSaysWhenTheSessionEndedAndThatTheConnectionIsDownSinceThen() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connect();
            ConnectionHealth up = client.health();
            assertThat(up.isUp()).isTrue();

            server.setAccepting(false);
            server.dropConnection();

            Await.until(() -> client.health().lostAt() != null, WAIT);
            ConnectionHealth down = client.health();
            assertThat(down.isUp()).isFalse();
            assertThat(down.connectedAt()).as("the session that ended").isEqualTo(up.connectedAt());
            assertThat(down.since()).isEqualTo(down.lostAt()).isAfterOrEqualTo(up.connectedAt());
            assertThat(down.lastError()).contains("TWS closed the socket");
        }
    }
}
