package io.tailguard.broker.ibkr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeTicker;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwsClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private ScriptedTwsServer server;
    private TwsClient client;

    @BeforeEach
    void connect() {
        server = new ScriptedTwsServer();
        client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void correlatesAnswersByRequestIdWhateverTheirOrder() throws Exception {
        List<ScriptedTwsServer.Frame> asked = new CopyOnWriteArrayList<>();
        server.on(OutgoingMessage.REQ_CONTRACT_DATA, (s, f) -> {
            asked.add(f);
            if (asked.size() == 2) { // answer the second request first
                for (ScriptedTwsServer.Frame q : List.of(asked.get(1), asked.get(0))) {
                    int id = q.intField(2);
                    String symbol = q.fields().get(4);
                    s.send(ServerMessages.contractData(id, symbol, "STK", "", 0.0, "", "", symbol.length(), "", "26"));
                    s.send(ServerMessages.contractDataEnd(id));
                }
            }
        });
        client.connect();

        CompletableFuture<List<ContractDetails>> upro = client.contractDetails(ContractSpec.of(Contract.stock("UPRO")),
                "UPRO", WAIT);
        CompletableFuture<List<ContractDetails>> spy = client.contractDetails(ContractSpec.of(Contract.stock("SPY")),
                "SPY", WAIT);

        assertThat(upro.get(5, TimeUnit.SECONDS)).singleElement().satisfies(d -> {
            assertThat(d.contract().symbol()).isEqualTo("UPRO");
            assertThat(d.marketRuleIds()).containsExactly(26);
        });
        assertThat(spy.get(5, TimeUnit.SECONDS)).singleElement()
                .satisfies(d -> assertThat(d.contract().conId()).isEqualTo(3));
    }

    @Test
    void failsAContractRequestWithNotFoundOnError200() {
        server.on(OutgoingMessage.REQ_CONTRACT_DATA, (s, f) ->
                s.send(ServerMessages.error(f.intField(2), 200, "No security definition has been found for the request")));
        client.connect();

        CompletableFuture<?> details = client.contractDetails(ContractSpec.of(Contract.stock("NOPE")), "NOPE", WAIT);

        assertThatThrownBy(() -> details.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerErrorKind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo(200);
                });
    }

    @Test
    void failsASnapshotWithAClearPermissionErrorOn354() {
        server.on(OutgoingMessage.REQ_MKT_DATA, (s, f) ->
                s.send(ServerMessages.error(f.intField(2), 354, "Requested market data is not subscribed.")));
        client.connect();

        CompletableFuture<?> quote = client.snapshot(ContractSpec.of(Contract.index("XSP", "CBOE")), "XSP", WAIT);

        assertThatThrownBy(() -> quote.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.PERMISSION))
                .hasMessageStartingWith("no market data permission for XSP");
        Await.until(() -> client.lines().inUse() == 0, WAIT);
    }

    @Test
    void treatsAnUnknownCodeNamingARequestAsItsRejection() {
        server.on(OutgoingMessage.REQ_CONTRACT_DATA, (s, f) -> s.send(ServerMessages.error(f.intField(2), 9999, "odd")));
        client.connect();

        CompletableFuture<?> details = client.contractDetails(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT);

        assertThatThrownBy(() -> details.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.REJECTION));
    }

    @Test
    void keepsASnapshotGoingThroughTheDelayedDataNoticeAndMarksItDelayed() throws Exception {
        server.on(OutgoingMessage.REQ_MKT_DATA, (s, f) -> {
            int id = f.intField(2);
            s.send(ServerMessages.error(id, 10167, "Requested market data is not subscribed. Displaying delayed market data."));
            s.send(ServerMessages.tickPrice(id, 66, 1.25, "3"));
            s.send(ServerMessages.tickPrice(id, 67, 1.35, "4"));
            s.send(ServerMessages.snapshotEnd(id));
        });
        client.connect();

        MarketSnapshot s = client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT).get(5, TimeUnit.SECONDS);

        assertThat(s.quote().delayed()).isTrue();
        assertThat(s.quote().bid()).isEqualTo(1.25);
        assertThat(s.quote().askSize()).isEqualTo(4);
        assertThat(s.notices()).singleElement().asString().startsWith("10167");
    }

    @Test
    void skipsUnknownMessagesAndMalformedOnesAndCarriesOn() throws Exception {
        server.on(OutgoingMessage.REQ_CURRENT_TIME, (s, f) -> {
            s.send(ServerMessages.of(777, 1, "something new"));
            s.send(ServerMessages.of(49, 1)); // CURRENT_TIME without its time: field underrun
            s.send(ServerMessages.of(49, 1, 1_795_000_000L));
        });
        client.connect();

        assertThat(client.currentTime(WAIT).get(5, TimeUnit.SECONDS).getEpochSecond()).isEqualTo(1_795_000_000L);
    }

    @Test
    void failsWithTimeoutWhenNoAnswerComesAndCancelsTheLine() {
        FakeTicker ticker = new FakeTicker();
        try (TwsClient timed = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC(), Clock.systemUTC(),
                ticker)) {
            timed.connect();
            long asked = ticker.nanos();
            CompletableFuture<?> quote = timed.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO",
                    Duration.ofMillis(200));
            ticker.advanceToDeadlineOf("tws-writer", WAIT); // the market data type
            ticker.advanceToDeadlineOf("tws-writer", WAIT); // the quote request
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 1, WAIT);
            assertThat(quote).isNotDone();

            ticker.advanceTo(asked + Duration.ofMillis(200).toNanos());

            assertThatThrownBy(() -> quote.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.TIMEOUT))
                    .hasMessageContaining("within PT0.2S");
            Await.until(() -> server.received(OutgoingMessage.CANCEL_MKT_DATA).size() == 1, WAIT);
            assertThat(timed.lines().inUse()).isZero();
        }
    }
}
