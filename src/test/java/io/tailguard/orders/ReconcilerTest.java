package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.PUT_580;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.TimeInForce;
import io.tailguard.orders.store.BrokerOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

class ReconcilerTest {
    private final OrdersFixture f = new OrdersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void fillsWhileAwayAreAdoptedAndFlaggedInferred() {
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal p = f.approved(f.putProposal(3));
        OrderExecutionService first = f.service(Checkpoint.NONE);
        first.start();
        first.poll();
        f.broker.deliver();
        first.stop();

        f.broker.quote(PUT_580, 1.10, 1.20);
        f.broker.match(); // filled while the daemon was down; nobody hears the events
        f.broker.dropUndelivered();

        Reconciler.Report report = f.service(Checkpoint.NONE).start();
        assertThat(report.inferredFills()).isEqualTo(1);
        BrokerOrder o = f.orders.byLeg(p.id() + "-L1").orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.filledQty()).isEqualByComparingTo("3");
        assertThat(f.orders.executions(o.orderId())).singleElement().satisfies(e -> {
            assertThat(e.inferred()).isTrue();
            assertThat(e.commission()).isNotNull();
        });
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
    }

    @Test
    void anOrderTheBrokerKnowsButWeNeverRecordedIsAdoptedAndNeverSentAgain() {
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal p = f.approved(f.putProposal(2));
        f.proposals.transition(p.id(), ProposalState.APPROVED, ProposalState.SUBMITTED, Actor.daemon(), "test", null);
        String ref = p.id() + "-L1";
        // the broker has our leg (say from a database restored from an older backup)
        f.broker.place(new OrderTicket(5000, PUT_580, OrderSide.BUY, new BigDecimal("2"), new BigDecimal("1.20"),
                TimeInForce.DAY, ref, "DU1234567"));

        OrderExecutionService s = f.service(Checkpoint.NONE);
        Reconciler.Report report = s.start();
        s.poll();
        s.poll();
        assertThat(report.adoptedOrders()).isEqualTo(1);
        assertThat(f.broker.newOrdersFor(ref)).isEqualTo(1);
        BrokerOrder o = f.orders.byLeg(ref).orElseThrow();
        assertThat(o.orderId()).isEqualTo(5000);
        assertThat(o.inferred()).isTrue();
        assertThat(f.orders.eventTypes(o.orderId())).startsWith(OrderEventType.ADOPTED);
    }

    @Test
    void aBuyBackLegOfTheWeeklyRollIsAdoptedAndNeverSentAgainWhateverTheFormOfItsId() {
        f.broker.quote(OrdersFixture.CALL_UPRO, 2.00, 2.10);
        // an id of an earlier release (UTC, no random part) and a buy-back leg: no "-L" in the leg id at all
        String id = "H20261123-150000";
        ProposalLeg buyBack = OrdersFixture.leg("B1", OrdersFixture.CALL_UPRO, OrderSide.BUY, 1, "2.05", "2.20",
                LegIntent.CLOSE_POSITION).build(id);
        f.proposals.insert(new Proposal(id, ProposalState.PROPOSED, "weekly-xsp-hedge", "buy back", Map.of(),
                List.of(buyBack), f.clock.instant(), Actor.DAEMON, null), Actor.daemon());
        Proposal p = f.approved(f.proposals.find(id).orElseThrow());
        f.proposals.transition(p.id(), ProposalState.APPROVED, ProposalState.SUBMITTED, Actor.daemon(), "test", null);
        f.broker.place(new OrderTicket(5100, OrdersFixture.CALL_UPRO, OrderSide.BUY, BigDecimal.ONE,
                new BigDecimal("2.05"), TimeInForce.DAY, buyBack.legId(), "DU1234567"));

        OrderExecutionService s = f.service(Checkpoint.NONE);
        assertThat(s.start().adoptedOrders()).isEqualTo(1);
        s.poll();
        s.poll();
        assertThat(f.orders.byLeg(buyBack.legId()).orElseThrow().orderId()).isEqualTo(5100);
        assertThat(f.broker.newOrdersFor(buyBack.legId())).isEqualTo(1);
    }

    @Test
    void ordersTheBrokerKnowsOnlyAsCompletedAreAdoptedUnderARealIdOrTheirNegatedPermIdAndNeverSentAgain() {
        f.broker.quote(PUT_580, 1.19, 1.21);
        Proposal p = f.approved(f.proposal(
                OrdersFixture.leg("L1", PUT_580, OrderSide.BUY, 2, "1.20", "1.40", LegIntent.BUY_PROTECTION),
                OrdersFixture.leg("L2", PUT_580, OrderSide.BUY, 3, "1.20", "1.40", LegIntent.BUY_PROTECTION)));
        f.proposals.transition(p.id(), ProposalState.APPROVED, ProposalState.SUBMITTED, Actor.daemon(), "test", null);
        String filled = p.id() + "-L1";
        String cancelled = p.id() + "-L2";
        // both at the broker and final before we ever wrote a row: one filled, one cancelled
        f.broker.place(new OrderTicket(7001, PUT_580, OrderSide.BUY, new BigDecimal("2"), new BigDecimal("1.21"),
                TimeInForce.DAY, filled, "DU1234567"));
        f.broker.place(new OrderTicket(7002, PUT_580, OrderSide.BUY, new BigDecimal("3"), new BigDecimal("1.00"),
                TimeInForce.DAY, cancelled, "DU1234567"));
        f.broker.match();
        f.broker.cancel(7002);
        f.broker.dropUndelivered();
        assertThat(f.broker.completedOrders()).extracting(r -> r.orderId()).containsOnly(0L);

        OrderExecutionService s = f.service(Checkpoint.NONE);
        Reconciler.Report report = s.start();
        s.poll();
        s.poll();

        assertThat(report.adoptedOrders()).isEqualTo(2);
        BrokerOrder f1 = f.orders.byLeg(filled).orElseThrow();
        assertThat(f1.orderId()).as("the id of the order's execution").isEqualTo(7001);
        assertThat(f1.state()).isEqualTo(OrderState.FILLED);
        assertThat(f.orders.executions(7001)).hasSize(1);
        BrokerOrder c2 = f.orders.byLeg(cancelled).orElseThrow();
        long permId = f.broker.orderByRef(cancelled).orElseThrow().permId();
        assertThat(c2.orderId()).isEqualTo(-permId).isNegative();
        assertThat(c2.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(f.broker.newOrdersFor(filled)).isEqualTo(1);
        assertThat(f.broker.newOrdersFor(cancelled)).isEqualTo(1);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
    }

    @Test
    void ordersAndFillsThatAreNotTailguardsAreLeftAlone() {
        f.broker.quote(PUT_580, 1.10, 1.20);
        f.broker.place(new OrderTicket(7000, PUT_580, OrderSide.BUY, BigDecimal.ONE, new BigDecimal("1.20"),
                TimeInForce.DAY, "placed-by-hand-in-TWS", "DU1234567"));
        Reconciler.Report report = f.service(Checkpoint.NONE).start();
        assertThat(report.adoptedOrders()).isZero();
        assertThat(f.orders.all()).isEmpty();
        assertThat(f.orders.allExecutions()).isEmpty();
    }
}
