package io.tailguard.broker.ibkr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.Contract;
import io.tailguard.testing.Await;
import io.tailguard.testing.ScriptedTwsServer;
import io.tailguard.testing.ServerMessages;
import io.tailguard.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacingAndLinesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void neverPutsMoreThanFiftyMessagesIntoAnyOneSecondAtTheServer() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            server.on(OutgoingMessage.REQ_CURRENT_TIME, (s, f) -> s.send(ServerMessages.of(49, 1, 1_795_000_000L)));
            client.connect();

            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 110; i++) { // a burst: all queued at once
                all.add(client.currentTime(WAIT));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            List<Long> at = server.received().stream().map(ScriptedTwsServer.Frame::receivedAtNanos).toList();
            assertThat(at).hasSizeGreaterThanOrEqualTo(110);
            int worst = 0;
            for (int i = 0, j = 0; i < at.size(); i++) {
                while (at.get(i) - at.get(j) >= 1_000_000_000L) {
                    j++;
                }
                worst = Math.max(worst, i - j + 1);
            }
            assertThat(worst).as("frames in the busiest one-second window").isLessThanOrEqualTo(50);
        }
    }

    @Test
    void holdsAtMostTheConfiguredNumberOfMarketDataLines() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()).withLimits(45, 3), Clock.systemUTC())) {
            client.connect();
            List<CompletableFuture<MarketSnapshot>> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT));
            }
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 3, WAIT);

            CompletableFuture<MarketSnapshot> fourth = client.snapshot(ContractSpec.of(Contract.stock("SPY")), "SPY",
                    Duration.ofMillis(100));
            assertThatThrownBy(() -> fourth.get(1, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerErrorKind.TIMEOUT))
                    .hasMessageContaining("no market-data line free");
            assertThat(server.received(OutgoingMessage.REQ_MKT_DATA)).hasSize(3);

            server.current().send(ServerMessages.snapshotEnd(server.received(OutgoingMessage.REQ_MKT_DATA).get(0).intField(2)));
            open.get(0).get(5, TimeUnit.SECONDS);
            CompletableFuture<MarketSnapshot> fifth = client.snapshot(ContractSpec.of(Contract.stock("SPY")), "SPY", WAIT);
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 4, WAIT);
            assertThat(client.lines().inUse()).isEqualTo(3);
            fifth.cancel(false);
        }
    }

    @Test
    void holdsBackMarketDataRequestsTheGatewayHasNotReadYet() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = new TwsClient(TestConfigs.forPort(server.port()), Clock.systemUTC())) {
            client.connect();
            CompletableFuture<Void> issuing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < TwsClient.READ_AHEAD + 1; i++) {
                    client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT);
                }
            });
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == TwsClient.READ_AHEAD, WAIT);
            assertThat(server.received(OutgoingMessage.REQ_MKT_DATA)).hasSize(TwsClient.READ_AHEAD);

            int first = server.received(OutgoingMessage.REQ_MKT_DATA).get(0).intField(2);
            server.current().send(ServerMessages.of(81, first, 0.01, "9c0001", 3)); // TICK_REQ_PARAMS: read

            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == TwsClient.READ_AHEAD + 1, WAIT);
            issuing.get(5, TimeUnit.SECONDS);
        }
    }
}
