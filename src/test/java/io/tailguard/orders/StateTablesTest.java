package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.PUT_580;
import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.BrokerOrder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.ProposalState;

/**
 * Properties of the two transition tables ({@link ProposalState}, {@link OrderState}) and of the
 * transitions the services really perform, not a second copy of the tables: every state can be reached,
 * the states that end a life have no way out, what was sent never becomes unsent, and every stored event
 * of a proposal or an order is a legal step from the state the one before it left.
 */
class StateTablesTest {
    /** The ends of a proposal's life, by their meaning (see {@link ProposalState}). */
    private static final Set<ProposalState> PROPOSAL_ENDS = EnumSet.of(ProposalState.REJECTED, ProposalState.DONE,
            ProposalState.CANCELLED, ProposalState.FAILED);
    /** No more fills can come: the broker filled, cancelled, rejected or deactivated the order. */
    private static final Set<OrderState> ORDER_ENDS = EnumSet.of(OrderState.FILLED, OrderState.CANCELLED,
            OrderState.REJECTED, OrderState.INACTIVE);

    // ---- the tables ----

    @Test
    void everyProposalStateCanBeReachedFromProposed() {
        assertThat(reachable(ProposalState.PROPOSED, ProposalState.class, ProposalState::canMoveTo))
                .containsExactlyInAnyOrder(ProposalState.values());
    }

    @Test
    void everyOrderStateCanBeReachedFromPendingSubmit() {
        assertThat(reachable(OrderState.PENDING_SUBMIT, OrderState.class, OrderState::canMoveTo))
                .containsExactlyInAnyOrder(OrderState.values());
    }

    @Test
    void theEndsOfAProposalHaveNoWayOutAndEveryOtherStateLeadsToAnEnd() {
        for (ProposalState s : ProposalState.values()) {
            Set<ProposalState> next = successors(s, ProposalState.class, ProposalState::canMoveTo);
            if (PROPOSAL_ENDS.contains(s)) {
                assertThat(next).as(s + " ends the proposal").isEmpty();
                assertThat(s.isFinal()).as(s + " is final").isTrue();
            } else {
                assertThat(s.isFinal()).as(s + " is not final").isFalse();
                assertThat(reachable(s, ProposalState.class, ProposalState::canMoveTo)).as("ends reachable from " + s)
                        .containsAnyElementsOf(PROPOSAL_ENDS);
            }
        }
    }

    @Test
    void theEndsOfAnOrderHaveNoWayOutAndEveryOtherStateLeadsToAnEnd() {
        for (OrderState s : OrderState.values()) {
            Set<OrderState> next = successors(s, OrderState.class, OrderState::canMoveTo);
            if (ORDER_ENDS.contains(s)) {
                assertThat(next).as(s + " ends the order").isEmpty();
                assertThat(s.isFinal()).as(s + " is final").isTrue();
            } else {
                assertThat(s.isFinal()).as(s + " is not final").isFalse();
                assertThat(next).as("every order can still be cancelled from " + s).contains(OrderState.CANCELLED);
            }
        }
    }

    @Test
    void stayingInTheSameStateIsNeverATransition() {
        assertThat(ProposalState.values()).noneMatch(s -> s.canMoveTo(s));
        assertThat(OrderState.values()).noneMatch(s -> s.canMoveTo(s));
    }

    @Test
    void whatWasSentNeverBecomesUnsentAndAFillIsNeverUndone() {
        // a proposal with orders at the broker can only end: never back to a state that sends again
        assertThat(reachable(ProposalState.SUBMITTED, ProposalState.class, ProposalState::canMoveTo))
                .doesNotContain(ProposalState.PROPOSED, ProposalState.APPROVED, ProposalState.EXPIRED,
                        ProposalState.FAILED, ProposalState.REJECTED);
        // PENDING_SUBMIT means "maybe never transmitted": nothing the broker said can lead back to it
        for (OrderState s : OrderState.values()) {
            assertThat(s.canMoveTo(OrderState.PENDING_SUBMIT)).as(s + " -> PENDING_SUBMIT").isFalse();
        }
        // once part of it filled, the order is neither rejected nor unfilled again
        assertThat(reachable(OrderState.PARTIALLY_FILLED, OrderState.class, OrderState::canMoveTo))
                .doesNotContain(OrderState.SUBMITTED, OrderState.REJECTED);
        // an approval that lapsed needs the trader again: only a re-price leads out of EXPIRED
        assertThat(successors(ProposalState.EXPIRED, ProposalState.class, ProposalState::canMoveTo))
                .containsExactly(ProposalState.PROPOSED);
    }

    // ---- the edge and the stores ----

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
    void theStoresRefuseAnIllegalTransitionWithAClearErrorAndRecordNoEvent() {
        try (OrdersFixture f = new OrdersFixture()) {
            Proposal p = f.putProposal(1);
            int events = f.proposals.events(p.id()).size();

            assertThatThrownBy(() -> f.proposals.transition(p.id(), ProposalState.PROPOSED, ProposalState.DONE,
                    Actor.daemon(), "skip", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("proposal " + p.id() + ": PROPOSED -> DONE is not a legal transition");
            assertThat(f.stateOf(p)).isEqualTo(ProposalState.PROPOSED);
            assertThat(f.proposals.events(p.id())).hasSize(events);
            // a legal move from a state the proposal has left is a race, not a bug: false, nothing changes
            assertThat(f.proposals.transition(p.id(), ProposalState.APPROVED, ProposalState.SUBMITTED, Actor.daemon(),
                    "stale", null)).isFalse();
            assertThat(f.proposals.events(p.id())).hasSize(events);

            f.broker.quote(PUT_580, 1.21, 1.21); // locked: the first limit, the mid, fills at once
            OrderExecutionService s = f.service(Checkpoint.NONE);
            s.start();
            Proposal filled = f.approved(f.putProposal(1));
            s.poll();
            f.broker.deliver();
            BrokerOrder o = f.orders.byLeg(filled.id() + "-L1").orElseThrow();
            assertThat(o.state()).isEqualTo(OrderState.FILLED);
            List<Step> before = orderSteps(f).get(o.orderId());

            assertThatThrownBy(() -> f.orders.transition(o.orderId(), OrderState.FILLED, OrderState.SUBMITTED,
                    Actor.daemon(), "late status")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("order " + o.orderId() + ": FILLED -> SUBMITTED is not a legal transition");
            assertThatThrownBy(() -> f.orders.end(o.orderId(), OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED,
                    Actor.daemon(), "part", OrderEnd.FILLED, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PARTIALLY_FILLED is not final");
            assertThat(f.orders.byLeg(filled.id() + "-L1").orElseThrow().state()).isEqualTo(OrderState.FILLED);
            assertThat(orderSteps(f).get(o.orderId())).isEqualTo(before);
        }
    }

    // ---- the transitions the services perform ----

    private static final Contract PUT_575 = Contract.option("XSP", LocalDate.of(2026, 11, 27), new BigDecimal("575"),
            OptionRight.PUT, "XSP", 100);

    @Test
    void everyTransitionTheServicesStoreIsALegalStepFromTheStateBeforeIt() {
        try (OrdersFixture f = new OrdersFixture()) {
            Actor trader = new Actor("trader", "desk");
            OrderExecutionService s = f.service(Checkpoint.NONE);
            s.start();

            // filled at once: the quote is locked, the first limit (the mid) is the ask
            f.broker.quote(PUT_580, 1.21, 1.21);
            Proposal filled = f.approved(f.putProposal(2));
            s.poll();
            f.broker.deliver();

            // one contract of three fills, the rest never does: cancelled when the working window is over
            f.broker.quote(PUT_580, 1.20, 1.30); // the first limit, the mid 1.25, rests
            f.broker.maxFillPerMatch(1);
            Proposal partial = f.approved(f.putProposal(3));
            s.poll();
            f.broker.quote(PUT_580, 1.20, 1.25);
            f.broker.match();
            f.broker.deliver();
            f.broker.quote(PUT_580, 1.00, 1.60); // the ask now far above the worst price 1.40
            f.broker.maxFillPerMatch(1_000_000);
            workUntil(f, s, () -> f.stateOf(partial).isFinal());

            // the trader rejects one, cancels one before it is sent, and one while it works
            Proposal rejected = f.putProposal(1);
            f.approvals().reject(rejected.id(), trader, "too dear");
            Proposal cancelledBeforeSending = f.approved(f.putProposal(1));
            f.approvals().cancel(cancelledBeforeSending.id(), trader, "changed my mind");
            Proposal cancelledWhileWorking = f.approved(f.putProposal(1));
            s.poll();
            f.broker.deliver();
            f.approvals().cancel(cancelledWhileWorking.id(), trader, "the market ran");
            workUntil(f, s, () -> f.stateOf(cancelledWhileWorking).isFinal());

            // an approval that lapsed, then re-priced: back to PROPOSED
            f.broker.quote(PUT_580, 1.21, 1.21);
            Proposal expired = f.approved(f.putProposal(1));
            f.clock.advance(f.approval.expiry().plusSeconds(1));
            s.poll();
            ProposalLeg leg = expired.legs().get(0);
            f.approvals().reprice(expired.id(), List.of(leg.withPrices(new BigDecimal("1.21"), new BigDecimal("1.35"),
                    new PriceBounds(BigDecimal.ZERO, new BigDecimal("1.35")))), trader, "new prices");

            // a contract the broker does not list: FAILED, nothing sent
            f.broker.quote(PUT_575, 1.00, 1.02);
            f.broker.unlist(PUT_575);
            Proposal failed = f.approved(f.proposal(leg("L1", PUT_575, OrderSide.BUY, 1, "1.01", "1.10",
                    LegIntent.BUY_PROTECTION)));
            s.poll();

            // the scenarios did what they are for: without that, the walk below would check little
            Map<String, ProposalState> expected = new LinkedHashMap<>();
            expected.put(filled.id(), ProposalState.DONE);
            expected.put(partial.id(), ProposalState.DONE);
            expected.put(rejected.id(), ProposalState.REJECTED);
            expected.put(cancelledBeforeSending.id(), ProposalState.CANCELLED);
            expected.put(cancelledWhileWorking.id(), ProposalState.CANCELLED);
            expected.put(expired.id(), ProposalState.PROPOSED);
            expected.put(failed.id(), ProposalState.FAILED);
            Map<String, ProposalState> actual = new LinkedHashMap<>();
            expected.keySet().forEach(id -> actual.put(id, f.proposals.find(id).orElseThrow().state()));
            assertThat(actual).as("where each scenario ended").isEqualTo(expected);
            assertThat(f.orders.byLeg(partial.id() + "-L1").orElseThrow().filledQty()).isEqualByComparingTo("1");

            Map<String, List<Step>> proposalSteps = proposalSteps(f);
            for (Map.Entry<String, List<Step>> e : proposalSteps.entrySet()) {
                assertLegalPath("proposal " + e.getKey(), e.getValue(), ProposalState.PROPOSED, ProposalState::valueOf,
                        ProposalState::canMoveTo, f.proposals.find(e.getKey()).orElseThrow().state().name());
            }
            Map<Long, List<Step>> orderSteps = orderSteps(f);
            for (Map.Entry<Long, List<Step>> e : orderSteps.entrySet()) {
                assertLegalPath("order " + e.getKey(), e.getValue(), OrderState.PENDING_SUBMIT, OrderState::valueOf,
                        OrderState::canMoveTo, f.orders.byOrderId(e.getKey()).orElseThrow().state().name());
            }
            assertThat(orderSteps.values().stream().flatMap(List::stream).map(Step::to))
                    .contains("SUBMITTED", "PARTIALLY_FILLED", "FILLED", "CANCELLED");
        }
    }

    /** Polls, lets the broker speak and moves the clock on until {@code done} (at most a simulated day). */
    private static void workUntil(OrdersFixture f, OrderExecutionService s, java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            s.poll();
            f.broker.deliver();
            f.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(done.getAsBoolean()).as("reached within 200 simulated minutes").isTrue();
    }

    /** One stored event that names a state: its type, where it came from (null for the first) and where it went. */
    record Step(String type, String from, String to) {
    }

    /**
     * Checks that the stored steps form one path: the first creates the entity (in {@code initial}, or
     * anywhere when the broker's order was adopted by reconciliation), each next one starts where the one
     * before it ended and is legal (a step to the same state, like a renumbered order, moves nothing), and
     * the last ends in the state stored now.
     */
    private static <S extends Enum<S>> void assertLegalPath(String what, List<Step> steps, S initial,
            Function<String, S> parse, java.util.function.BiPredicate<S, S> legal, String current) {
        assertThat(steps).as(what + " has events").isNotEmpty();
        Step first = steps.get(0);
        assertThat(first.from()).as(what + ": the first event " + first.type() + " creates it").isNull();
        if (!"ADOPTED".equals(first.type())) {
            assertThat(first.to()).as(what + " starts in " + initial).isEqualTo(initial.name());
        }
        for (int i = 1; i < steps.size(); i++) {
            Step previous = steps.get(i - 1);
            Step step = steps.get(i);
            assertThat(step.from()).as(what + ": " + step.type() + " starts where " + previous.type() + " ended")
                    .isEqualTo(previous.to());
            if (!step.from().equals(step.to())) {
                assertThat(legal.test(parse.apply(step.from()), parse.apply(step.to())))
                        .as(what + ": " + step.type() + " " + step.from() + " -> " + step.to() + " is legal").isTrue();
            }
        }
        assertThat(steps.get(steps.size() - 1).to()).as(what + ": the last event ends in the stored state")
                .isEqualTo(current);
    }

    private static Map<String, List<Step>> proposalSteps(OrdersFixture f) {
        return steps(f, "SELECT proposal_id, event_type, from_state, to_state FROM proposal_event "
                + "WHERE to_state IS NOT NULL ORDER BY id", rs -> rs.getString(1));
    }

    private static Map<Long, List<Step>> orderSteps(OrdersFixture f) {
        return steps(f, "SELECT order_id, event_type, from_state, to_state FROM broker_order_event "
                + "WHERE to_state IS NOT NULL ORDER BY id", rs -> rs.getLong(1));
    }

    private interface Key<K> {
        K of(ResultSet rs) throws SQLException;
    }

    private static <K> Map<K, List<Step>> steps(OrdersFixture f, String sql, Key<K> key) {
        Map<K, List<Step>> out = new LinkedHashMap<>();
        try (Connection c = f.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(key.of(rs), k -> new ArrayList<>())
                        .add(new Step(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static <S extends Enum<S>> Set<S> successors(S from, Class<S> type,
            java.util.function.BiPredicate<S, S> legal) {
        Set<S> out = EnumSet.noneOf(type);
        for (S to : type.getEnumConstants()) {
            if (legal.test(from, to)) {
                out.add(to);
            }
        }
        return out;
    }

    /** Every state reachable from {@code start} in any number of legal steps, {@code start} included. */
    private static <S extends Enum<S>> Set<S> reachable(S start, Class<S> type,
            java.util.function.BiPredicate<S, S> legal) {
        Set<S> seen = EnumSet.of(start);
        Deque<S> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (S next : successors(todo.pop(), type, legal)) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}
