package io.tailguard.orders;

import static io.tailguard.orders.ProposalState.APPROVED;
import static io.tailguard.orders.ProposalState.CANCELLED;
import static io.tailguard.orders.ProposalState.DONE;
import static io.tailguard.orders.ProposalState.EXPIRED;
import static io.tailguard.orders.ProposalState.FAILED;
import static io.tailguard.orders.ProposalState.PROPOSED;
import static io.tailguard.orders.ProposalState.REJECTED;
import static io.tailguard.orders.ProposalState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.BrokerOrderStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateTablesTest {
    private static final Map<ProposalState, Set<ProposalState>> PROPOSAL_EXPECTED = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED, EXPIRED),
            APPROVED, EnumSet.of(SUBMITTED, EXPIRED, CANCELLED, FAILED),
            REJECTED, EnumSet.noneOf(ProposalState.class),
            EXPIRED, EnumSet.of(PROPOSED),
            SUBMITTED, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.noneOf(ProposalState.class),
            CANCELLED, EnumSet.noneOf(ProposalState.class),
            FAILED, EnumSet.noneOf(ProposalState.class));

    private static final Map<OrderState, Set<OrderState>> ORDER_EXPECTED = Map.of(
            OrderState.PENDING_SUBMIT, EnumSet.of(OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED, OrderState.FILLED,
                    OrderState.CANCELLED, OrderState.REJECTED, OrderState.INACTIVE),
            OrderState.SUBMITTED, EnumSet.of(OrderState.PARTIALLY_FILLED, OrderState.FILLED, OrderState.CANCELLED,
                    OrderState.REJECTED, OrderState.INACTIVE),
            OrderState.PARTIALLY_FILLED, EnumSet.of(OrderState.FILLED, OrderState.CANCELLED, OrderState.INACTIVE),
            OrderState.FILLED, EnumSet.noneOf(OrderState.class),
            OrderState.CANCELLED, EnumSet.noneOf(OrderState.class),
            OrderState.REJECTED, EnumSet.noneOf(OrderState.class),
            OrderState.INACTIVE, EnumSet.noneOf(OrderState.class));

    @Test
    void everyProposalTransitionOutsideTheTableIsRefused() {
        for (ProposalState from : ProposalState.values()) {
            for (ProposalState to : ProposalState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(PROPOSAL_EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void everyOrderTransitionOutsideTheTableIsRefused() {
        for (OrderState from : OrderState.values()) {
            for (OrderState to : OrderState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ORDER_EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void ibStatusStringsAreMappedAtTheEdge() {
        assertThat(BrokerOrderStatus.fromIb("PreSubmitted")).isEqualTo(BrokerOrderStatus.PRE_SUBMITTED);
        assertThat(BrokerOrderStatus.fromIb("ApiCancelled")).isEqualTo(BrokerOrderStatus.API_CANCELLED);
        assertThat(BrokerOrderStatus.fromIb("PendingSubmit")).isEqualTo(BrokerOrderStatus.PENDING_SUBMIT);
        assertThat(BrokerOrderStatus.fromIb("Inactive")).isEqualTo(BrokerOrderStatus.INACTIVE);
        assertThat(BrokerOrderStatus.fromIb("Whatever")).isEqualTo(BrokerOrderStatus.UNKNOWN);
    }

    @Test
    void brokerStatusWithPartialFillMeansPartiallyFilledAndCancelAfterFullFillStaysFilled() {
        BigDecimal qty = BigDecimal.TEN;
        assertThat(OrderState.fromBroker(BrokerOrderStatus.SUBMITTED, BigDecimal.ONE, qty)).contains(OrderState.PARTIALLY_FILLED);
        assertThat(OrderState.fromBroker(BrokerOrderStatus.PRE_SUBMITTED, BigDecimal.ZERO, qty)).contains(OrderState.SUBMITTED);
        assertThat(OrderState.fromBroker(BrokerOrderStatus.CANCELLED, qty, qty)).contains(OrderState.FILLED);
        assertThat(OrderState.fromBroker(BrokerOrderStatus.API_CANCELLED, BigDecimal.ONE, qty)).contains(OrderState.CANCELLED);
        assertThat(OrderState.fromBroker(BrokerOrderStatus.PENDING_CANCEL, BigDecimal.ONE, qty)).isEmpty();
    }

    @Test
    void theStoreRefusesAnIllegalProposalTransitionAndRecordsNoEvent() {
        try (OrdersFixture f = new OrdersFixture()) {
            Proposal p = f.putProposal(1);
            int events = f.proposals.events(p.id()).size();
            assertThat(f.proposals.transition(p.id(), PROPOSED, DONE, Actor.daemon(), "skip", null)).isFalse();
            assertThat(f.proposals.transition(p.id(), APPROVED, SUBMITTED, Actor.daemon(), "stale", null)).isFalse();
            assertThat(f.stateOf(p)).isEqualTo(PROPOSED);
            assertThat(f.proposals.events(p.id())).hasSize(events);
        }
    }
}
