package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.sim.OrderFlowListener;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon as a real process ({@code tailguard run}, broker.mode tws) against a simulated gateway in
 * this JVM over loopback, on an H2 file database that the daemon hosts (automatic mixed mode). The daemon
 * is killed with SIGKILL at a point of an order's life, the broker goes on (it may fill while nobody
 * listens, it may restart with nextValidId rolled back to 1), a new daemon process starts on the same
 * file, and then: one order per leg at the broker, every leg filled exactly once, every execution stored
 * once with its commission, the stored order ids the broker's, the proposal DONE.
 *
 * <p>Seeds per kill point: {@code -Dcrash.seeds=N} (2 by default; the note for issue #4 gives a long run).
 * The test touches the database only while a daemon is up, through short-lived connections, so the daemon
 * is always the process that owns the file and a kill -9 takes its unwritten state with it.
 */
class DaemonCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Contract PUT_580 = put("580");
    private static final Contract PUT_585 = put("585");

    enum KillPoint {
        /** a seeded moment after the approval is committed ({@link Moment}): from before pick-up to after the fills */
        AFTER_APPROVAL,
        /** as soon as the PENDING_SUBMIT row of a leg is visible: before or just after its PLACE_ORDER */
        PENDING_ROW,
        /** the gateway has accepted a leg's order: right after transmitting, maybe before the id is marked sent */
        ORDER_ACCEPTED,
        /** an execution went out, before its status and commission report: a partial fill */
        EXECUTED,
        /** no kill: the gateway restarts mid-order with nextValidId rolled back to 1, then a second proposal */
        GATEWAY_RESTART
    }

    /** Where an {@link KillPoint#AFTER_APPROVAL} kill falls, each a condition on H2 or on the gateway's book. */
    enum Moment {
        /** right after the approval's commit: the daemon has not seen it yet */
        AT_ONCE,
        /** the daemon has taken the proposal (SUBMITTED in H2): its orders are on their way */
        TAKEN,
        /** an order of the proposal is in the gateway's book */
        ORDER_AT_BROKER,
        /** every leg filled at the gateway (only when the quotes fill): the reports may not be stored yet */
        FILLED
    }

    static Stream<Arguments> cases() {
        int seeds = Integer.getInteger("crash.seeds", 2);
        return Stream.of(KillPoint.values()).flatMap(k -> LongStream.rangeClosed(1, seeds)
                .mapToObj(i -> Arguments.of(k, 1000L * (k.ordinal() + 1) + i)));
    }

    @TempDir
    Path dir;

    private SimGateway gateway;
    private FakeSimMarket market;
    private DaemonProcess daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.kill();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void afterAKillAndARestartNothingIsSentTwiceAndNoFillIsLostOrCountedTwice(KillPoint kill, long seed)
            throws Exception {
        Random rnd = new Random(seed);
        market = FakeSimMarket.atWallClock();
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(40)),
                market).start();
        restingQuotes(); // bid 1.95 / ask 2.05: the first limit (the mid, 2.00) rests
        Path config = writeConfig();
        daemon = DaemonProcess.start(config, dir.resolve("daemon-1.log"), gateway);

        int qty580 = 11 + rnd.nextInt(15); // > 10: the sim fills 10 per tick, so a fill comes in parts
        int qty585 = 1 + rnd.nextInt(12);
        boolean brokerFillsWhileDown = rnd.nextBoolean();
        boolean rollBackIdsWhileDown = rnd.nextBoolean();
        int legToHit = rnd.nextInt(2); // which leg's order (or execution) the kill waits for
        boolean filling = kill == KillPoint.EXECUTED || (kill == KillPoint.AFTER_APPROVAL && rnd.nextBoolean());
        if (filling) {
            fillingQuotes(); // the mid limit fills at once, in parts
        }

        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        if (kill == KillPoint.ORDER_ACCEPTED || kill == KillPoint.EXECUTED) {
            int target = 1 + legToHit;
            gateway.onOrderFlow(new OrderFlowListener() {
                @Override
                public void accepted(SimGateway.BookOrder order) {
                    if (kill == KillPoint.ORDER_ACCEPTED && seen.incrementAndGet() == target) {
                        daemon.killNow(); // SIGKILL, without waiting: the gateway goes on
                        killed.countDown();
                    }
                }

                @Override
                public void executed(SimGateway.BookExecution execution) {
                    if (kill == KillPoint.EXECUTED && seen.incrementAndGet() == target) {
                        daemon.killNow();
                        killed.countDown();
                    }
                }
            });
        }

        Proposal first = propose("P1", qty580, qty585);
        approve(first);

        switch (kill) {
            case AFTER_APPROVAL -> {
                Moment moment = Moment.values()[rnd.nextInt(filling ? 4 : 3)];
                awaitMoment(moment, first);
                daemon.killNow();
            }
            case PENDING_ROW -> {
                String leg = first.legs().get(legToHit).legId();
                Await.until("leg " + leg + " recorded as PENDING_SUBMIT or later", WAIT,
                        () -> orders().byLeg(leg).isPresent());
                daemon.killNow();
            }
            case ORDER_ACCEPTED, EXECUTED -> assertThat(killed.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the kill point was reached").isTrue();
            case GATEWAY_RESTART -> {
                Await.until("an order working at the gateway", WAIT, () -> !gateway.bookOrders().isEmpty());
                gateway.restartRollingBackOrderIds(1);
            }
        }
        gateway.onOrderFlow(null);

        if (kill != KillPoint.GATEWAY_RESTART) {
            daemon.awaitDeath();
            // TWS refuses a client id still held by a connection it has not seen close (326): as an operator
            // would, start the new daemon once the gateway has dropped the dead one's session
            Await.until(() -> gateway.sessionCount() == 0, WAIT);
            // the broker goes on without us
            if (brokerFillsWhileDown) {
                fillingQuotes();
                // what was working fills, nobody hears it
                Await.until("every order at the gateway filled while no daemon listened", WAIT,
                        () -> gateway.bookOrders().stream().allMatch(o -> o.status() == BrokerOrderStatus.FILLED));
            }
            if (rollBackIdsWhileDown) {
                gateway.restartRollingBackOrderIds(1);
            }
            daemon = DaemonProcess.start(config, dir.resolve("daemon-2.log"), gateway);
        }
        fillingQuotes();
        List<Proposal> proposals = new ArrayList<>(List.of(first));
        if (kill == KillPoint.GATEWAY_RESTART) {
            // a new order after the rollback must take an id above every id the gateway has seen
            Proposal second = propose("P2", 1 + rnd.nextInt(5), 1 + rnd.nextInt(5));
            approve(second);
            proposals.add(second);
        }

        for (Proposal p : proposals) {
            try {
                Await.until(p.id() + " DONE", WAIT,
                        () -> proposals().find(p.id()).orElseThrow().state() == ProposalState.DONE);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; broker book " + gateway.bookOrders() + "; daemon log:\n"
                        + daemon.log(), e);
            }
        }
        for (Proposal p : proposals) {
            assertBrokerAndDatabaseAgree(p);
        }
        assertThat(gateway.bookOrders()).extracting(SimGateway.BookOrder::status)
                .as("nothing rejected or cancelled at the broker").containsOnly(BrokerOrderStatus.FILLED);
        assertThat(gateway.bookOrders()).extracting(SimGateway.BookOrder::orderId).doesNotHaveDuplicates();
        daemon.stopGracefully();
    }

    private void awaitMoment(Moment moment, Proposal p) {
        switch (moment) {
            case AT_ONCE -> {
            }
            case TAKEN -> Await.until(p.id() + " taken by the daemon", WAIT,
                    () -> proposals().find(p.id()).orElseThrow().state() != ProposalState.APPROVED);
            case ORDER_AT_BROKER -> Await.until("an order of " + p.id() + " at the gateway", WAIT,
                    () -> gateway.bookOrders().stream().anyMatch(o -> o.orderRef().startsWith(p.id() + "-")));
            case FILLED -> Await.until("every leg of " + p.id() + " filled at the gateway", WAIT,
                    () -> p.legs().stream().allMatch(l -> gateway.bookOrders().stream().anyMatch(o ->
                            o.orderRef().equals(l.legId()) && o.status() == BrokerOrderStatus.FILLED)));
        }
    }

    private void assertBrokerAndDatabaseAgree(Proposal p) {
        OrderStore orders = orders();
        for (ProposalLeg leg : p.legs()) {
            List<SimGateway.BookOrder> atBroker = gateway.bookOrders().stream()
                    .filter(o -> o.orderRef().equals(leg.legId())).toList();
            assertThat(atBroker).as("orders at the broker for " + leg.legId()).hasSize(1);
            SimGateway.BookOrder b = atBroker.get(0);
            assertThat(b.filled()).as("filled at the broker").isEqualByComparingTo(BigDecimal.valueOf(leg.quantity()));

            BrokerOrder stored = orders.byLeg(leg.legId()).orElseThrow();
            assertThat(stored.orderId()).as("the stored order id is the broker's").isEqualTo(b.orderId());
            assertThat(stored.state()).isEqualTo(OrderState.FILLED);
            assertThat(stored.filledQty()).as("filled in H2").isEqualByComparingTo(b.filled());

            Map<String, SimGateway.BookExecution> brokerExecs = gateway.bookExecutions().stream()
                    .filter(e -> e.orderRef().equals(leg.legId()))
                    .collect(Collectors.toMap(SimGateway.BookExecution::execId, e -> e));
            List<StoredExecution> storedExecs = orders.executions(stored.orderId());
            assertThat(storedExecs).extracting(StoredExecution::execId).as("each execution stored once")
                    .containsExactlyInAnyOrderElementsOf(brokerExecs.keySet());
            for (StoredExecution e : storedExecs) {
                assertThat(e.shares()).isEqualByComparingTo(brokerExecs.get(e.execId()).shares());
                assertThat(e.commission()).as("commission of " + e.execId()).isNotNull()
                        .isEqualByComparingTo(brokerExecs.get(e.execId()).commission());
            }
        }
    }

    private Proposal propose(String id, int qty580, int qty585) {
        List<ProposalLeg> legs = List.of(
                leg("L1", PUT_580, OrderSide.BUY, qty580, "2.00", "2.10", LegIntent.BUY_PROTECTION).build(id),
                leg("L2", PUT_585, OrderSide.BUY, qty585, "2.00", "2.10", LegIntent.BUY_PROTECTION).build(id));
        Proposal p = new Proposal(id, ProposalState.PROPOSED, "weekly-hedge", "crash test", Map.of(), legs,
                Clock.systemUTC().instant(), "tester", null);
        proposals().insert(p, new Actor("tester", "crash-test"));
        return p;
    }

    private void approve(Proposal p) {
        // the limits of the daemon's configuration below: the approval passes the same checks
        TransmissionGates gates = new TransmissionGates(new TradingConfig(null, false, new RiskLimitsConfig(100,
                new BigDecimal("1000000"), new BigDecimal("100000000"), Duration.ofSeconds(30))), Map.of());
        ApprovalService approvals = new ApprovalService(proposals(), new ProposalChecks(gates, orders(),
                new io.tailguard.orders.store.TradingStateStore(dataSource(), Clock.systemUTC()),
                MarketHours.of(MarketHours.Mode.ALWAYS), Clock.systemUTC()),
                new ApprovalConfig(ApprovalPolicy.MANUAL, Duration.ofMinutes(30), null), Clock.systemUTC());
        assertThat(approvals.approve(p.id(), new Actor("trader", "crash-test")))
                .isInstanceOf(ApprovalService.Approved.class);
    }

    private void restingQuotes() {
        market.setQuote(conId(PUT_580), 1.95, 2.05, 2.00);
        market.setQuote(conId(PUT_585), 1.95, 2.05, 2.00);
    }

    /** Locked at 2.00: a working 2.00 limit becomes marketable, and a new order's mid limit fills at once. */
    private void fillingQuotes() {
        market.setQuote(conId(PUT_580), 2.00, 2.00, 2.00);
        market.setQuote(conId(PUT_585), 2.00, 2.00, 2.00);
    }

    private long conId(Contract c) {
        return market.optionConId(c.expiry(), c.strike(), c.right());
    }

    /** Stores on connections opened per statement: the test never holds the file while no daemon runs. */
    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url());
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private ProposalStore proposals() {
        return new ProposalStore(dataSource(), Clock.systemUTC());
    }

    private OrderStore orders() {
        return new OrderStore(dataSource(), Clock.systemUTC());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tailguard") + ";AUTO_SERVER=TRUE";
    }

    private Path writeConfig() throws IOException {
        Path file = dir.resolve("tailguard.yaml");
        Files.writeString(file, """
                broker:
                  mode: tws
                  host: 127.0.0.1
                  port: %d
                  clientId: 17
                database:
                  url: %s
                trading:
                  limits:
                    maxContractsPerOrder: 100
                    maxPremiumPerWeekUsd: 1000000
                    maxNotionalUsd: 100000000
                    maxQuoteAge: PT30S
                approval:
                  policy: manual
                  expiry: PT30M
                orders:
                  marketHours: always       # the test gateway trades around the clock; this test runs at any hour
                  repriceWait: PT10M
                  workingWindow: PT30M
                  pollInterval: PT0.2S
                  reconcileEvery: PT5S
                  resendGrace: PT3S
                schedule:
                  jobs:
                    heartbeat:
                      cron: "0 * * * * ?"
                paths:
                  dataDir: %s
                """.formatted(gateway.port(), url(), dir.resolve("data")));
        return file;
    }

    private static Contract put(String strike) {
        return Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal(strike), OptionRight.PUT, "XSP", 100);
    }

    /** {@code tailguard run} in its own JVM with this test's class path. */
    private static final class DaemonProcess {
        private final Process process;
        private final Path log;

        private DaemonProcess(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /**
         * Starts the daemon and waits until it has reconciled its orders with the gateway: by then it has
         * the database open (it migrates before its order loop starts), so the test's connections go
         * through the daemon's H2 server and a kill takes the daemon's unwritten state with it.
         */
        static DaemonProcess start(Path config, Path log, SimGateway gateway) throws IOException {
            int reconciledBefore = gateway.executionRequests();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "io.tailguard.console.Main", "--config", config.toString(), "run");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            DaemonProcess d = new DaemonProcess(p, log);
            Await.until("the daemon's reconciliation at the gateway (" + log + ")", WAIT, () -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the daemon exited with " + p.exitValue() + ":\n" + d.log());
                }
                return gateway.executionRequests() > reconciledBefore;
            });
            return d;
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void killNow() {
            process.destroyForcibly();
        }

        void awaitDeath() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the daemon died").isTrue();
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGTERM: the daemon's shutdown hook stops it cleanly. */
        void stopGracefully() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        String log() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }
}
