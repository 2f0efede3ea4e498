package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon's order service with our client against the simulated gateway over loopback and H2, on a clock
 * the test sets: at 20:13 New York the approval is held and nothing reaches the gateway; at the open the
 * order goes out and its working window starts; at the window's end the cancel is confirmed by the gateway's
 * status and its error 202, and the order ends "working window over", not rejected. A contract the gateway
 * does not list fails the proposal once. The quotes rest at 1.95 / 2.05 and the worst price is 2.02, so the
 * order never fills.
 */
class MarketHoursOverSimGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Contract PUT_580 = Contract.option("XSP", FakeSimMarket.EXPIRY_2, new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);

    private final OrdersFixture f = new OrdersFixture();
    private SimGateway gateway;
    private IbkrBroker broker;
    private OrderExecutionService service;

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TraderTime.EXCHANGE_ZONE).toInstant();
    }

    @BeforeEach
    void start() {
        f.clock.set(ny("2026-12-03T20:13:00"));
        FakeSimMarket market = new FakeSimMarket();
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(OrdersOverSimGatewayTest.freePort())
                .withTickInterval(Duration.ofMillis(10)), market, f.clock).start();
        market.setQuote(market.optionConId(PUT_580.expiry(), PUT_580.strike(), OptionRight.PUT), 1.95, 2.05, 2.00);
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 23, 1, 45, 90, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)), f.clock);
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

    private Proposal approvedPut(Contract c) {
        return f.approved(f.proposal(leg("L1", c, OrderSide.BUY, 1, "2.00", "2.02", LegIntent.BUY_PROTECTION)));
    }

    @Test
    void at2013TheOrderWaitsForTheOpenAndEndsWhenItsWindowIsOverNotRejected() {
        Proposal p = approvedPut(PUT_580);
        assertThat(p.approvalExpiresAt()).isEqualTo(ny("2026-12-04T10:00:00"));
        service.poll();
        f.clock.advance(Duration.ofHours(3));
        service.poll();
        assertThat(gateway.bookOrders()).isEmpty();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);
        assertThat(f.eventTypes(p)).containsOnlyOnce(ProposalEventType.HELD);

        f.clock.set(ny("2026-12-04T09:30:00"));
        service.poll();
        String legId = p.id() + "-L1";
        Await.until("the order working at the gateway", WAIT,
                () -> f.orders.byLeg(legId).map(o -> o.state() == OrderState.SUBMITTED).orElse(false));
        assertThat(f.orders.byLeg(legId).orElseThrow().transmittedAt()).isEqualTo(ny("2026-12-04T09:30:00"));

        for (int i = 0; i < 10 && !f.orders.byLeg(legId).orElseThrow().state().isFinal(); i++) {
            f.clock.advance(f.working.repriceWait());
            service.poll();
        }
        Await.until("the cancel confirmed by the gateway", WAIT,
                () -> f.orders.byLeg(legId).orElseThrow().state().isFinal());
        BrokerOrder o = f.orders.byLeg(legId).orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(o.endReason()).isEqualTo(OrderEnd.WORKING_WINDOW_OVER);
        assertThat(f.orders.eventTypes(o.orderId())).doesNotContain(OrderEventType.REJECTED,
                OrderEventType.BROKER_ERROR);
        Await.until("the proposal done", WAIT, () -> f.stateOf(p) == ProposalState.DONE);
        assertThat(f.proposals.lastEvent(p.id()).orElseThrow().detail()).contains("CANCELLED 0/1 (working window over");
    }

    @Test
    void at1000TheApprovedOrderGoesOutAtOnce() {
        f.clock.set(ny("2026-12-04T10:00:00"));
        Proposal p = approvedPut(PUT_580);
        service.poll();
        Await.until("the order at the gateway", WAIT, () -> gateway.bookOrders().size() == 1);
        assertThat(gateway.bookOrders().get(0).orderRef()).isEqualTo(p.id() + "-L1");
    }

    @Test
    void aContractTheGatewayDoesNotListFailsTheProposalOnce() {
        f.clock.set(ny("2026-12-04T10:00:00"));
        Contract expired = Contract.option("XSP", LocalDate.of(2026, 11, 20), new BigDecimal("580"), OptionRight.PUT,
                "XSP", 100);
        Proposal p = approvedPut(expired);
        for (int i = 0; i < 3; i++) {
            service.poll();
            f.clock.advance(Duration.ofSeconds(2));
        }
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.FAILED);
        assertThat(f.eventTypes(p)).containsOnlyOnce(ProposalEventType.FAILED).doesNotContain(ProposalEventType.ERROR);
        assertThat(gateway.bookOrders()).isEmpty();
        assertThat(f.proposals.legEnds(p.id()).get(p.id() + "-L1").describe())
                .startsWith("contract not listed: the broker lists no such contract");
    }
}
