package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.CALL_UPRO;
import static io.tailguard.orders.OrdersFixture.PUT_580;
import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.StoredExecution;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.ProposalState;

class OrderExecutionServiceTest {
    private final OrdersFixture f = new OrdersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** The gates the proposal's last event (a stored refusal) names. */
    private List<Gate> refusedBy(Proposal p) {
        return f.lastEvent(p).refusals().stream().map(GateDecision.Denied::gate).toList();
    }

    private OrderExecutionService started() {
        OrderExecutionService s = f.service(Checkpoint.NONE);
        s.start();
        return s;
    }

    @Test
    void anApprovedProposalIsTransmittedAtTheRoundedMidpointFilledAndDone() {
        f.broker.quote(PUT_580, 1.10, 1.23);
        Proposal p = f.approved(f.putProposal(2));
        OrderExecutionService s = started();

        s.poll();
        BrokerOrder o = f.orders.byLeg(p.id() + "-L1").orElseThrow();
        assertThat(o.limitPrice()).isEqualByComparingTo("1.16"); // mid 1.165 rounded down to the penny
        assertThat(o.orderId()).isEqualTo(1000);
        assertThat(f.broker.orderByRef(p.id() + "-L1")).isPresent();
        f.broker.deliver();
        assertThat(f.orders.byLeg(p.id() + "-L1").orElseThrow().state()).isEqualTo(OrderState.SUBMITTED);

        f.broker.quote(PUT_580, 1.10, 1.16);
        f.broker.match();
        f.broker.deliver();
        o = f.orders.byLeg(p.id() + "-L1").orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.filledQty()).isEqualByComparingTo("2");
        assertThat(o.avgPrice()).isEqualByComparingTo("1.16");
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        assertThat(f.orders.executions(o.orderId())).singleElement()
                .satisfies(e -> assertThat(e.commission()).isEqualByComparingTo("1.30"));
        assertThat(f.eventTypes(p)).containsSubsequence(ProposalEventType.CREATED, ProposalEventType.APPROVED,
                ProposalEventType.SUBMITTED, ProposalEventType.DONE);
        assertThat(f.proposals.events(p.id()).get(1).actor()).isEqualTo("trader");
    }

    @Test
    void anUnfilledOrderIsRepricedInBoundedStepsNeverPastTheWorstPriceAndCancelledAtTheEnd() {
        f.broker.quote(PUT_580, 1.00, 1.60); // mid 1.30, ask far above the worst price 1.40
        Proposal p = f.approved(f.putProposal(1));
        OrderExecutionService s = started();
        s.poll();
        String ref = p.id() + "-L1";
        assertThat(f.orders.byLeg(ref).orElseThrow().limitPrice()).isEqualByComparingTo("1.30");
        BigDecimal last = new BigDecimal("1.30");
        for (int i = 0; i < 11; i++) {
            f.clock.advance(f.working.repriceWait());
            f.broker.quote(PUT_580, 1.00, 1.60);
            s.poll();
            f.broker.deliver();
            BigDecimal now = f.orders.byLeg(ref).orElseThrow().limitPrice();
            assertThat(now).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(new BigDecimal("1.40"));
            last = now;
        }
        BrokerOrder o = f.orders.byLeg(ref).orElseThrow();
        assertThat(o.limitPrice()).isEqualByComparingTo("1.40");
        assertThat(o.repriceCount()).isBetween(1, f.working.repriceSteps());
        assertThat(f.broker.orderByRef(ref).orElseThrow().limitPrice()).isEqualByComparingTo("1.40");
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED); // 11 x 30 s is past the 5 minute window
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        assertThat(f.broker.newOrdersFor(ref)).isEqualTo(1);
    }

    @Test
    void aPartialFillThenARepriceFillsTheRestWithoutCountingAnythingTwice() {
        f.broker.quote(PUT_580, 1.20, 1.30);
        f.broker.maxFillPerMatch(3);
        Proposal p = f.approved(f.putProposal(5));
        OrderExecutionService s = started();
        s.poll();
        String ref = p.id() + "-L1";
        f.broker.quote(PUT_580, 1.20, 1.25); // the limit 1.25 is now marketable
        f.broker.match();
        f.broker.deliver();
        BrokerOrder o = f.orders.byLeg(ref).orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(o.filledQty()).isEqualByComparingTo("3");
        s.reconcile(); // the same execution again from REQ_EXECUTIONS
        assertThat(f.orders.byLeg(ref).orElseThrow().filledQty()).isEqualByComparingTo("3");

        f.clock.advance(f.working.repriceWait());
        f.broker.quote(PUT_580, 1.22, 1.26); // one step to the ask
        s.poll();
        f.broker.deliver();
        o = f.orders.byLeg(ref).orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.filledQty()).isEqualByComparingTo("5");
        assertThat(o.repriceCount()).isEqualTo(1);
        assertThat(f.orders.executions(o.orderId())).hasSize(2);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
    }

    @Test
    void aLateCommissionIsUnknownUntilItArrivesAndNeverZero() {
        f.broker.quote(PUT_580, 1.20, 1.24);
        f.broker.holdCommissions(true);
        Proposal p = f.approved(f.putProposal(2));
        OrderExecutionService s = started();
        s.poll();
        f.broker.quote(PUT_580, 1.20, 1.22);
        f.broker.match();
        f.broker.deliver();
        long id = f.orders.byLeg(p.id() + "-L1").orElseThrow().orderId();
        assertThat(f.orders.executions(id)).singleElement().satisfies(e -> assertThat(e.commission()).isNull());
        f.broker.releaseCommissions();
        f.broker.deliver();
        assertThat(f.orders.executions(id)).singleElement()
                .satisfies(e -> assertThat(e.commission()).isEqualByComparingTo("1.30"));
    }

    @Test
    void anExecutionCorrectionUpdatesTheOriginalInsteadOfAddingAFill() {
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal p = f.approved(f.putProposal(2));
        OrderExecutionService s = started();
        s.poll();
        f.broker.quote(PUT_580, 1.19, 1.21);
        f.broker.match();
        f.broker.deliver();
        long id = f.orders.byLeg(p.id() + "-L1").orElseThrow().orderId();
        StoredExecution original = f.orders.executions(id).get(0);
        f.broker.correct(original.execId(), new BigDecimal("1.20"));
        f.broker.deliver();
        s.reconcile();
        List<StoredExecution> after = f.orders.executions(id);
        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.execId()).endsWith(".02");
            assertThat(e.price()).isEqualByComparingTo("1.20");
            assertThat(e.corrections()).isEqualTo(1);
        });
        BrokerOrder o = f.orders.byLeg(p.id() + "-L1").orElseThrow();
        assertThat(o.filledQty()).isEqualByComparingTo("2");
        assertThat(o.avgPrice()).isEqualByComparingTo("1.20");
    }

    @Test
    void orderIdsStayAboveEveryIdUsedWhenTheGatewayRollsNextValidIdBack() {
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal first = f.approved(f.putProposal(1));
        OrderExecutionService s = started();
        s.poll();
        f.broker.deliver();
        long firstId = f.orders.byLeg(first.id() + "-L1").orElseThrow().orderId();

        f.broker.restart(1); // the gateway forgot: nextValidId rolled back to 1
        s.stop();
        OrderExecutionService again = started();
        Proposal second = f.approved(f.putProposal(1));
        again.poll();
        f.broker.quote(PUT_580, 1.19, 1.21);
        f.broker.match();
        f.broker.deliver();
        long secondId = f.orders.byLeg(second.id() + "-L1").orElseThrow().orderId();
        assertThat(secondId).isGreaterThan(firstId);
        assertThat(f.broker.idCollisions()).isZero();
        assertThat(f.stateOf(second)).isEqualTo(ProposalState.DONE);
    }

    @Test
    void haltedStateTransmitsNothingAndRecordsTheRefusalOnce() {
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal p = f.approved(f.putProposal(1)); // approved, then halted before the daemon picks it up
        f.tradingState.change(TradingState.HALTED, "trader", "test", io.tailguard.store.AuditLog.forCurrentUser(
                f.database.dataSource(), f.clock));
        OrderExecutionService s = started();
        s.poll();
        s.poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);
        assertThat(f.eventTypes(p)).filteredOn(t -> t == ProposalEventType.GATE_DENIED).hasSize(1);
        assertThat(refusedBy(p)).containsExactly(Gate.TRADING_STATE);
    }

    @Test
    void aStaleQuoteIsRefusedAndTheOrderGoesOutOnceTheQuoteIsFresh() {
        f.broker.quoteAt(PUT_580, 1.20, 1.22, f.clock.instant().minus(Duration.ofMinutes(5)));
        Proposal p = f.approved(f.putProposal(1));
        OrderExecutionService s = started();
        s.poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.lastEvent(p).refusals()).singleElement().satisfies(d -> {
            assertThat(d.gate()).isEqualTo(Gate.QUOTE);
            assertThat(d.reason()).startsWith("stale quote"); // not missing or crossed: the quote is there, old
        });
        f.broker.quote(PUT_580, 1.20, 1.22);
        s.poll();
        assertThat(f.broker.places()).isEqualTo(1);
    }

    @Test
    void anUncoveredShortCallIsNeverTransmitted() {
        f.broker.quote(CALL_UPRO, 2.00, 2.10);
        Proposal p = f.approved(f.proposal(leg("L1", CALL_UPRO, OrderSide.SELL, 1, "2.05", "1.90",
                LegIntent.OPEN_SHORT_CALL)));
        started().poll();
        assertThat(f.broker.places()).isZero();
        assertThat(refusedBy(p)).containsExactly(Gate.COVERED_CALL);
    }

    @Test
    void sharesPledgedToAnotherProposalsWorkingShortCallCannotCoverASecondOne() {
        f.broker.holdPosition(new Position("DU1234567", Contract.stock("UPRO"), new BigDecimal("300"), 80));
        f.broker.quote(CALL_UPRO, 2.00, 2.10); // the mid 2.05 rests: the first order works unfilled
        Proposal first = f.approved(f.proposal(leg("L1", CALL_UPRO, OrderSide.SELL, 2, "2.05", "1.90",
                LegIntent.OPEN_SHORT_CALL)));
        OrderExecutionService s = started();
        s.poll();
        f.broker.deliver();
        assertThat(f.broker.places()).isEqualTo(1);

        Proposal second = f.approved(f.proposal(leg("L1", CALL_UPRO, OrderSide.SELL, 2, "2.05", "1.90",
                LegIntent.OPEN_SHORT_CALL)));
        s.poll();
        assertThat(f.broker.places()).as("300 shares, 200 pledged to the first proposal's working calls").isEqualTo(1);
        assertThat(f.orders.sharesPledgedToWorkingShortCalls(second.id()).get("UPRO")).isEqualByComparingTo("200");
        assertThat(refusedBy(second)).containsExactly(Gate.COVERED_CALL);

        // the first proposal's order is cancelled (in TWS, say): its shares are free again
        f.broker.cancel(f.orders.byLeg(first.id() + "-L1").orElseThrow().orderId());
        f.broker.deliver();
        assertThat(f.orders.byLeg(first.id() + "-L1").orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
        s.poll();
        assertThat(f.broker.places()).isEqualTo(2);
    }

    @Test
    void theWeeksPremiumCountsOtherProposalsWorkingOptionBuysButNotTheirShortCalls() {
        f.broker.holdPosition(new Position("DU1234567", Contract.stock("UPRO"), new BigDecimal("300"), 80));
        f.broker.quote(PUT_580, 1.10, 1.23); // mid 1.165: the buy rests at 1.16
        f.broker.quote(CALL_UPRO, 2.00, 2.10);
        Proposal puts = f.approved(f.putProposal(2));
        f.approved(f.proposal(leg("L1", CALL_UPRO, OrderSide.SELL, 1, "2.05", "1.90", LegIntent.OPEN_SHORT_CALL)));
        started().poll();
        f.broker.deliver();
        assertThat(f.broker.places()).isEqualTo(2);

        java.time.Instant week = ProposalChecks.weekStart(f.clock.instant());
        // 2 contracts x 1.16 x 100 still working; the short call takes premium in, it commits none
        assertThat(f.orders.premiumCommittedSince(week, "another")).isEqualByComparingTo("232");
        assertThat(f.orders.premiumCommittedSince(week, puts.id())).as("a proposal's own orders").isZero();
    }

    @Test
    void anExpiredApprovalIsNotTransmittedAndCannotBeApprovedAgainBeforeRepricing() {
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal p = f.approved(f.putProposal(1));
        f.clock.advance(f.approval.expiry().plusSeconds(1));
        started().poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.EXPIRED);
        assertThat(f.approvals().approve(p.id(), new Actor("trader", "desk"))).isInstanceOfSatisfying(
                ApprovalService.Refused.class, r -> assertThat(r.why()).isEqualTo(ApprovalService.Refusal.WRONG_STATE));
        ProposalLeg repriced = p.legs().get(0).withPrices(new BigDecimal("1.21"), new BigDecimal("1.35"),
                new PriceBounds(BigDecimal.ZERO, new BigDecimal("1.35")));
        assertThat(f.approvals().reprice(p.id(), List.of(repriced), new Actor("trader", "desk"), "new prices"))
                .isInstanceOf(ApprovalService.Done.class);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.PROPOSED);
        assertThat(f.proposals.find(p.id()).orElseThrow().legs().get(0).worstPrice()).isEqualByComparingTo("1.35");
    }

    @Test
    void anApprovalExpiresWhenTheMarketMovesPastTheProposalsBounds() {
        f.broker.quote(PUT_580, 1.60, 1.70); // mid 1.65, above the 1.40 bound
        Proposal p = f.approved(f.putProposal(1));
        started().poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.EXPIRED); // at once: the approval's time has not run out
        assertThat(f.lastEvent(p).type()).isEqualTo(ProposalEventType.EXPIRED);
        assertThat(f.lastEvent(p).actor()).isEqualTo(Actor.DAEMON);
    }

    @Test
    void dryRunRecordsWhatWouldBeSentAndSendsNothing() {
        f.trading = new TradingConfig(null, true, null);
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal p = f.approved(f.putProposal(1));
        OrderExecutionService s = started();
        s.poll();
        s.poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.eventTypes(p)).filteredOn(t -> t == ProposalEventType.DRY_RUN).hasSize(1);
        assertThat(refusedBy(p)).containsExactly(Gate.DRY_RUN);
    }

    @Test
    void aLiveAccountWithoutTheDoubleSwitchIsRefused() {
        try (OrdersFixture live = new OrdersFixture("U7654321", 1)) {
            live.broker.quote(PUT_580, 1.20, 1.22);
            Proposal p = live.approved(live.putProposal(1));
            live.service(Checkpoint.NONE).poll();
            assertThat(live.broker.places()).isZero();
            assertThat(live.lastEvent(p).refusals()).extracting(GateDecision.Denied::gate)
                    .containsExactly(Gate.PAPER_TRADING);
        }
    }

    @Test
    void autoApprovalApprovesOnlyRiskReducingProposalsWithinThePremiumBudget() {
        f.approval = new ApprovalConfig(ApprovalPolicy.AUTO_WITHIN_LIMITS, Duration.ofMinutes(30), new BigDecimal("500"));
        f.broker.quote(PUT_580, 1.20, 1.22);
        f.broker.quote(CALL_UPRO, 2.00, 2.10);
        Proposal protection = f.putProposal(2);       // 2 x 1.40 x 100 = 280 USD at worst
        Proposal expensive = f.putProposal(4);        // 560 USD: over the budget
        Proposal collar = f.proposal(leg("L1", PUT_580, OrderSide.BUY, 1, "1.25", "1.40", LegIntent.BUY_PROTECTION),
                leg("L2", CALL_UPRO, OrderSide.SELL, 1, "2.05", "1.90", LegIntent.OPEN_SHORT_CALL));
        f.service(Checkpoint.NONE).poll();
        assertThat(f.stateOf(protection)).isIn(ProposalState.SUBMITTED, ProposalState.DONE);
        assertThat(f.proposals.events(protection.id()).get(1).actor()).isEqualTo(Actor.AUTO_APPROVAL);
        assertThat(f.proposals.events(protection.id()).get(1).type()).isEqualTo(ProposalEventType.APPROVED);
        assertThat(f.stateOf(expensive)).isEqualTo(ProposalState.PROPOSED);
        assertThat(f.stateOf(collar)).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void manualPolicyNeverApprovesByItself() {
        f.broker.quote(PUT_580, 1.20, 1.22);
        Proposal p = f.putProposal(1);
        f.service(Checkpoint.NONE).poll();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.PROPOSED);
        assertThat(f.broker.places()).isZero();
    }

    @Test
    void aRejectedOrderIsRecordedWithTheBrokersReason() {
        f.broker.quote(PUT_580, 1.00, 1.60);
        Proposal p = f.approved(f.putProposal(1));
        OrderExecutionService s = started();
        s.poll();
        long id = f.orders.byLeg(p.id() + "-L1").orElseThrow().orderId();
        s.recorder().onRejection(new io.tailguard.domain.OrderRejection(id, 201, "Order rejected - reason: margin"));
        BrokerOrder o = f.orders.byOrderId(id).orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.REJECTED);
        assertThat(o.endReason()).isEqualTo(OrderEnd.REJECTED);
        assertThat(o.endDetail()).contains("201").contains("margin"); // the broker's code and words, as it sent them
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
    }
}
