package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.StoredExecution;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

/**
 * End to end over loopback: the orders core (service, stores on H2) with IbkrBroker as its OrderRoute
 * and MarketView, against the SimGateway's order book. The sim fills at most 10 contracts per tick, so
 * a 12-lot fills in two executions.
 */
class OrdersOverSimGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Contract PUT_580 = Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);
    private static final Contract PUT_585 = Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal("585"),
            OptionRight.PUT, "XSP", 100);

    private final OrdersFixture f = new OrdersFixture();
    private SimGateway gateway;
    private IbkrBroker broker;
    private OrderExecutionService service;

    @BeforeEach
    void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(freePort()).withTickInterval(Duration.ofMillis(10)),
                new FakeSimMarket()).start();
        IbkrClientConfig config = new IbkrClientConfig("127.0.0.1", gateway.port(), 21, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500));
        broker = new IbkrBroker(config, f.clock); // quotes stamped on the service's clock: the age gate agrees
        broker.connect();
        service = new OrderExecutionService(f.proposals, f.orders, f.tradingState, f.approvals(), broker,
                new BrokerMarketView(broker), new TransmissionGates(f.trading, f.environment), f.working, f.clock,
                Checkpoint.NONE);
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop();
        broker.close();
        gateway.close();
        f.close();
    }

    private Proposal buy(Contract c, int qty) {
        // quotes: bid 1.95 / ask 2.05, so the first limit is the mid 2.00 and only a re-price fills
        return f.approved(f.proposal(leg("L1", c, OrderSide.BUY, qty, "2.00", "2.10", LegIntent.BUY_PROTECTION)));
    }

    /**
     * Re-prices (30 s of service time per round) until every order of these legs is final; after each
     * round it waits until the broker works each order at its stored limit (or the order is final).
     */
    private void workUntilFinal(String... legIds) {
        for (int round = 0; round < 12 && !allFinal(legIds); round++) {
            f.clock.advance(f.working.repriceWait());
            service.poll();
            Await.until("the broker to work the re-priced limits (round " + round + ")", WAIT, () -> {
                List<OpenOrderReport> open = broker.openOrders();
                for (String leg : legIds) {
                    BrokerOrder o = f.orders.byLeg(leg).orElseThrow();
                    boolean atLimit = open.stream().anyMatch(r -> r.orderRef().equals(leg)
                            && r.limitPrice().compareTo(o.limitPrice()) == 0);
                    if (!o.state().isFinal() && !atLimit && open.stream().anyMatch(r -> r.orderRef().equals(leg))) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private boolean allFinal(String... legIds) {
        for (String leg : legIds) {
            if (!f.orders.byLeg(leg).map(o -> o.state().isFinal()).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anApprovedProposalIsTransmittedWithItsLegIdRepricedFilledInTwoPartsAndStoredWithCommissions() {
        Proposal p = buy(PUT_580, 12);
        String legId = p.id() + "-L1";
        service.poll();
        Await.until("the order working at the broker", WAIT,
                () -> f.orders.byLeg(legId).map(o -> o.state() == OrderState.SUBMITTED).orElse(false));
        BrokerOrder o = f.orders.byLeg(legId).orElseThrow();
        long orderId = o.orderId();
        assertThat(o.limitPrice()).isEqualByComparingTo("2.00");
        assertThat(broker.openOrders()).singleElement().satisfies(r -> {
            assertThat(r.orderRef()).isEqualTo(legId);
            assertThat(r.orderId()).isEqualTo(orderId);
        });

        workUntilFinal(legId);
        Await.until("the fill and both commissions in H2", WAIT, () -> {
            BrokerOrder now = f.orders.byLeg(legId).orElseThrow();
            List<StoredExecution> execs = f.orders.executions(now.orderId());
            return now.state() == OrderState.FILLED && execs.size() == 2
                    && execs.stream().allMatch(e -> e.commission() != null);
        });
        o = f.orders.byLeg(legId).orElseThrow();
        assertThat(o.filledQty()).isEqualByComparingTo("12");
        assertThat(o.repriceCount()).isPositive();
        List<StoredExecution> execs = f.orders.executions(o.orderId());
        assertThat(execs).extracting(StoredExecution::commission).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("6.50"), new BigDecimal("1.30"));
        Await.until("the proposal DONE", WAIT, () -> f.stateOf(p) == ProposalState.DONE);
    }

    @Test
    void aGatewayRestartThatRollsNextValidIdBackCausesNoDuplicateOrderAndNoDoubleCountedFill() {
        Proposal a = buy(PUT_580, 12);
        String legA = a.id() + "-L1";
        service.poll();
        Await.until("order A working", WAIT,
                () -> f.orders.byLeg(legA).map(o -> o.state() == OrderState.SUBMITTED).orElse(false));
        long idA = f.orders.byLeg(legA).orElseThrow().orderId();

        gateway.restartRollingBackOrderIds(1);
        Await.until("the client reconnected", WAIT,
                () -> broker.client().sessionsOpened() >= 2 && broker.isConnected());
        assertThat(broker.nextValidId()).isEqualTo(1);
        service.reconcile();

        Proposal b = buy(PUT_585, 3);
        String legB = b.id() + "-L1";
        service.poll();
        Await.until("order B working", WAIT,
                () -> f.orders.byLeg(legB).map(o -> o.state() == OrderState.SUBMITTED).orElse(false));
        assertThat(f.orders.byLeg(legB).orElseThrow().orderId()).as("B must not reuse A's id").isGreaterThan(idA);

        workUntilFinal(legA, legB);
        Await.until("both orders filled with commissions", WAIT, () -> filledWithCommissions(legA, 12)
                && filledWithCommissions(legB, 3));
        int storedA = f.orders.executions(idA).size();
        service.reconcile(); // the same executions again from REQ_EXECUTIONS
        assertThat(f.orders.executions(idA)).hasSize(storedA);
        assertThat(f.orders.byLeg(legA).orElseThrow().filledQty()).isEqualByComparingTo("12");
        assertThat(f.orders.byLeg(legB).orElseThrow().filledQty()).isEqualByComparingTo("3");

        List<OpenOrderReport> atBroker = new ArrayList<>(broker.openOrders());
        atBroker.addAll(broker.completedOrders());
        assertThat(atBroker).extracting(OpenOrderReport::orderRef).containsExactlyInAnyOrder(legA, legB);
        assertThat(broker.executionsSince(java.time.Instant.EPOCH).executions())
                .extracting(e -> e.orderRef() + " " + e.shares().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(legA + " 10", legA + " 2", legB + " 3");
    }

    private boolean filledWithCommissions(String legId, int qty) {
        BrokerOrder o = f.orders.byLeg(legId).orElseThrow();
        return o.state() == OrderState.FILLED && o.filledQty().compareTo(BigDecimal.valueOf(qty)) == 0
                && f.orders.executions(o.orderId()).stream().allMatch(e -> e.commission() != null);
    }

    /** A restart re-binds the same port: take one below the ephemeral range (see IbkrBrokerSimGatewayTest). */
    static int freePort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000..29999");
    }
}
