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
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeTicker;
import io.tailguard.testing.ScriptedTwsServer;
import io.tailguard.testing.ServerMessages;
import io.tailguard.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The connection over a scripted TWS on loopback. Tests of backoff and timeouts run the client on a
 * {@link FakeTicker} and step it from one deadline to the next: the waits they assert are exact, and they do
 * not depend on how fast the machine is. TestConfigs back off from 50 ms up to 400 ms.
 */
class TwsConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SUPERVISOR = "tws-connect";

    private final FakeTicker ticker = new FakeTicker();

    private TwsClient onTicker(IbkrClientConfig config) {
        return new TwsClient(config, Clock.systemUTC(), Clock.systemUTC(), ticker);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * The supervisor's wait after its {@code attempts}-th failed attempt. It waits on the ticker for the
     * handshake too, so the backoff is the wait that follows the failure being recorded.
     */
    private FakeTicker.Waiter backoffAfter(TwsClient client, int attempts) {
        Await.until(() -> client.health().failedAttempts() == attempts, WAIT);
        return ticker.awaitWaiter(SUPERVISOR, WAIT);
    }

    /** As {@link #backoffAfter}, then moves time to the end of that backoff; returns how long it was. */
    private Duration waitOutBackoffAfter(TwsClient client, int attempts) {
        FakeTicker.Waiter w = backoffAfter(client, attempts);
        ticker.advanceTo(w.deadlineNanos());
        return w.remaining();
    }

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
    void backsOffAndRetriesWhenTheClientIdIsInUse() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = onTicker(TestConfigs.forPort(server.port()))) {
            server.refuseClientIdTimes(2);

            CompletableFuture<ConnectInfo> connecting = CompletableFuture.supplyAsync(client::connect);
            Duration first = waitOutBackoffAfter(client, 1);
            Duration second = waitOutBackoffAfter(client, 2);
            connecting.get(5, TimeUnit.SECONDS);

            assertThat(List.of(first, second)).containsExactly(ms(50), ms(100));
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
                TwsClient client = onTicker(TestConfigs.forPort(server.port()))) {
            client.connect();
            server.setAccepting(false);
            server.dropConnection();
            Await.until(() -> client.state() != ConnectionState.CONNECTED, WAIT);

            CompletableFuture<?> time = client.currentTime(ms(300));
            ticker.advance(ms(299)); // the supervisor tries again meanwhile, in vain
            assertThat(time).isNotDone();
            ticker.advance(ms(1));

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
    void givesUpTheFirstConnectAfterItsTimeoutWithTheClientIdCodeWhenTheIdStaysInUse() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = onTicker(TestConfigs.forPort(server.port()).withTimeouts(ms(700), ms(1000)))) {
            server.refuseClientIdTimes(1_000);

            CompletableFuture<ConnectInfo> connecting = CompletableFuture.supplyAsync(client::connect);
            List<Duration> waits = new ArrayList<>();
            for (int i = 1; i <= 3; i++) { // attempts at 0, 50, 150 and 350 ms
                waits.add(waitOutBackoffAfter(client, i));
            }
            assertThat(waits).containsExactly(ms(50), ms(100), ms(200));
            assertThat(backoffAfter(client, 4).remaining()).as("the fifth would come at 750 ms")
                    .isEqualTo(ms(400));
            assertThat(connecting).isNotDone();

            ticker.advance(ms(350)); // 700 ms: the connect timeout

            assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BrokerErrorKind.CONNECTIVITY);
                        assertThat(e.code()).isEqualTo(326);
                    })
                    .hasMessageContaining("within PT0.7S");
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void startsOverWithAFreshSocketWhenTheLinkStaysLostForTheLongestBackoffAfter1100() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = onTicker(TestConfigs.forPort(server.port()))) {
            client.connect();

            server.current().send(ServerMessages.error(-1, 1100, "Connectivity between IB and TWS has been lost."));

            FakeTicker.Waiter watch = ticker.awaitWaiter("tws-link-watch", WAIT);
            assertThat(watch.remaining()).isEqualTo(ms(400));
            assertThat(client.state()).isEqualTo(ConnectionState.LINK_LOST);
            assertThat(server.connections()).isEqualTo(1);

            ticker.advanceTo(watch.deadlineNanos());

            // a first reconnect attempt that meets the old socket still closing waits out a backoff (at most the
            // config's longest, 400 ms) on this ticker: move time on for that wait, as the real clock would; never
            // for the handshake's own wait (3 s), which the gateway's reply ends
            Await.until(() -> {
                ticker.waiter("tws-connect").filter(w -> w.remaining().compareTo(ms(400)) <= 0)
                        .ifPresent(w -> ticker.advanceTo(w.deadlineNanos()));
                return client.state() == ConnectionState.CONNECTED && client.sessionsOpened() == 2;
            }, WAIT);
            assertThat(server.connections()).as("a fresh socket").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void keepsTheSessionWhenTwsRestoresItsLinkBeforeTheWatchRunsOut() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = onTicker(TestConfigs.forPort(server.port()))) {
            client.connect();
            server.current().send(ServerMessages.error(-1, 1100, "Connectivity between IB and TWS has been lost."));
            ticker.awaitWaiter("tws-link-watch", WAIT);

            server.current().send(ServerMessages.error(-1, 1102, "Connectivity restored - data maintained."));

            Await.until(() -> ticker.waiter("tws-link-watch").isEmpty(), WAIT); // the watch ended
            ticker.advance(ms(400));
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(client.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aBackgroundConnectKeepsTryingPastTheConnectTimeoutUntilTwsAnswers() {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = onTicker(TestConfigs.forPort(server.port()).withTimeouts(ms(300), ms(1000)))) {
            server.setAccepting(false); // TWS down: every socket is closed at once

            client.connectInBackground();

            // attempts at 0, 50, 150, 350, 750, 1150 ms: the sixth comes long after a blocking connect gave up
            List<Duration> waits = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                waits.add(waitOutBackoffAfter(client, i));
            }
            FakeTicker.Waiter sixth = backoffAfter(client, 6);
            assertThat(waits).containsExactly(ms(50), ms(100), ms(200), ms(400), ms(400));
            assertThat(sixth.remaining()).isEqualTo(ms(400));
            ConnectionHealth down = client.health();
            assertThat(down.failedAttempts()).isEqualTo(6);
            assertThat(down.isUp()).isFalse();
            assertThat(down.connectedAt()).as("never connected").isNull();
            assertThat(down.since()).as("down since the connect was asked for").isNotNull();
            assertThat(down.lastError()).contains("closed");

            server.setAccepting(true);
            ticker.advanceTo(sixth.deadlineNanos());

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
                TwsClient client = onTicker(TestConfigs.forPort(server.port()).withTimeouts(ms(300), ms(1000)))) {
            server.refuseClientIdTimes(1_000); // TWS still holds the id of a killed predecessor

            client.connectInBackground();

            for (int i = 1; i <= 5; i++) { // 1150 ms, well past the connect timeout
                waitOutBackoffAfter(client, i);
            }
            FakeTicker.Waiter next = backoffAfter(client, 6);
            assertThat(client.health().failedAttempts()).isEqualTo(6);
            assertThat(client.health().lastError()).contains("IB error 326");
            assertThat(client.health().lostAt()).as("a refused handshake is no session that ended").isNull();

            server.refuseClientIdTimes(0); // TWS noticed the old socket is gone
            ticker.advanceTo(next.deadlineNanos());

            Await.until(() -> client.state() == ConnectionState.CONNECTED, WAIT);
        }
    }

    @Test
    void aBackgroundConnectRetriesAWrongTwsVersionAtTheSlowestPace() {
        try (ScriptedTwsServer server = new ScriptedTwsServer(187);
                TwsClient client = onTicker(TestConfigs.forPort(server.port()))) {
            client.connectInBackground();

            // a blocking connect gives up after one attempt (above); the trader may install a newer TWS
            Duration first = waitOutBackoffAfter(client, 1);
            Duration second = backoffAfter(client, 2).remaining();
            assertThat(List.of(first, second)).containsExactly(ms(400), ms(400));
            assertThat(server.connections()).isEqualTo(2);
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
