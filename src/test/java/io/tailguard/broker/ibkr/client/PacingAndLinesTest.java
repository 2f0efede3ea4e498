package io.tailguard.broker.ibkr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.Contract;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pacing, market-data lines and read-ahead on a {@link FakeTicker}: time moves only when the test steps it,
 * one deadline at a time, so each message's slot is known exactly whatever the machine's load.
 */
class PacingAndLinesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WRITER = "tws-writer";

    private final FakeTicker ticker = new FakeTicker();

    private TwsClient client(IbkrClientConfig config) {
        return new TwsClient(config, Clock.systemUTC(), Clock.systemUTC(), ticker);
    }

    @Test
    void sendsABurstOneMessagePerSlotSoThatNoSecondHoldsMoreThanTheRatePlusOne() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer()) {
            IbkrClientConfig config = TestConfigs.forPort(server.port());
            try (TwsClient client = client(config)) {
                server.on(OutgoingMessage.REQ_CURRENT_TIME, (s, f) -> s.send(ServerMessages.of(49, 1, 1_795_000_000L)));
                client.connect(); // START_API took the first slot; the market data type waits for the next

                List<CompletableFuture<?>> all = new ArrayList<>();
                for (int i = 0; i < 110; i++) { // a burst: all queued at once
                    all.add(client.currentTime(WAIT));
                }
                List<Long> at = writeTimes(client, 111);
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

                long slot = 1_000_000_000L / config.messagesPerSecond();
                for (int i = 1; i < at.size(); i++) {
                    assertThat(at.get(i) - at.get(i - 1)).as("gap before message %d", i).isEqualTo(slot);
                }
                int worst = 0;
                for (int i = 0, j = 0; i < at.size(); i++) {
                    while (at.get(i) - at.get(j) >= 1_000_000_000L) {
                        j++;
                    }
                    worst = Math.max(worst, i - j + 1);
                }
                assertThat(worst).as("messages in the busiest one-second window")
                        .isEqualTo(config.messagesPerSecond() + 1)
                        .isLessThanOrEqualTo(IbkrClientConfig.MAX_MESSAGES_PER_SECOND);
                assertThat(server.received(OutgoingMessage.REQ_CURRENT_TIME)).hasSize(110);
            }
        }
    }

    @Test
    void holdsAtMostTheConfiguredLinesAndGivesUpOnALineWhenTheRequestTimesOut() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = client(TestConfigs.forPort(server.port()).withLimits(45, 3))) {
            client.connect();
            List<CompletableFuture<MarketSnapshot>> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT));
            }
            writeTimes(client, 4); // the market data type and three quotes
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == 3, WAIT);

            CompletableFuture<CompletableFuture<MarketSnapshot>> fourth = new CompletableFuture<>();
            start("fourth-quote", () -> fourth.complete(client.snapshot(ContractSpec.of(Contract.stock("SPY")), "SPY",
                    Duration.ofMillis(100))));
            assertThat(ticker.awaitWaiter("fourth-quote", WAIT).remaining()).isEqualTo(Duration.ofMillis(100));
            assertThat(fourth).isNotDone();

            ticker.advance(Duration.ofMillis(100));

            assertThatThrownBy(() -> fourth.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS)).cause()
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
                TwsClient client = client(TestConfigs.forPort(server.port()))) {
            client.connect();
            writeTimes(client, 1); // the market data type
            CompletableFuture<Void> issuing = new CompletableFuture<>();
            start("issuing", () -> {
                for (int i = 0; i < TwsClient.READ_AHEAD + 1; i++) {
                    client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT);
                }
                issuing.complete(null);
            });
            writeTimes(client, TwsClient.READ_AHEAD);
            ticker.awaitWaiter("issuing", WAIT); // the next one waits for a read
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == TwsClient.READ_AHEAD, WAIT);

            int first = server.received(OutgoingMessage.REQ_MKT_DATA).get(0).intField(2);
            server.current().send(ServerMessages.of(81, first, 0.01, "9c0001", 3)); // TICK_REQ_PARAMS: read

            writeTimes(client, 1);
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == TwsClient.READ_AHEAD + 1, WAIT);
            issuing.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGatewayThatNeverAnswersSlowsTheQuotesDownButDoesNotStopThem() throws Exception {
        try (ScriptedTwsServer server = new ScriptedTwsServer();
                TwsClient client = client(TestConfigs.forPort(server.port()))) {
            client.connect();
            writeTimes(client, 1);
            long firstAsked = ticker.nanos();
            CompletableFuture<Void> issuing = new CompletableFuture<>();
            start("issuing", () -> {
                for (int i = 0; i < TwsClient.READ_AHEAD + 1; i++) {
                    client.snapshot(ContractSpec.of(Contract.stock("UPRO")), "UPRO", WAIT);
                }
                issuing.complete(null);
            });
            writeTimes(client, TwsClient.READ_AHEAD);
            ticker.awaitWaiter("issuing", WAIT);

            // no reply at all: the oldest request gives its slot back one second after it was queued
            FakeTicker.Waiter release = ticker.awaitWaiter("tws-timeouts", WAIT);
            assertThat(release.deadlineNanos() - firstAsked).isEqualTo(Duration.ofSeconds(1).toNanos());
            ticker.advanceTo(release.deadlineNanos());

            writeTimes(client, 1);
            Await.until(() -> server.received(OutgoingMessage.REQ_MKT_DATA).size() == TwsClient.READ_AHEAD + 1, WAIT);
            issuing.get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Steps the ticker through the writer's pacing slots until {@code count} more messages are on the socket,
     * and returns the ticker's reading at each write: the writer waits for a slot, the test moves time to it.
     */
    private List<Long> writeTimes(TwsClient client, int count) {
        long base = client.messagesWritten();
        List<Long> at = new ArrayList<>();
        while (at.size() < count) {
            Await.until(() -> ticker.waiter(WRITER).isPresent() || client.messagesWritten() - base >= count, WAIT);
            long written = client.messagesWritten() - base;
            while (at.size() < written) {
                at.add(ticker.nanos());
            }
            if (at.size() < count) {
                ticker.advanceToDeadlineOf(WRITER, WAIT);
            }
        }
        return at;
    }

    private static void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
