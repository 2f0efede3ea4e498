package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import static io.tailguard.orders.OrdersFixture.PUT_580;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.store.AuditLog;
import io.tailguard.testing.SimulatedCrash;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalState;

/**
 * How the daemon's work on a leg ends, and that each end is recorded with its reason: a contract the broker
 * does not list (once), the market's hours, the working window, a halt, the trader's cancel (also across a
 * crash), the broker's own cancel at the close, IB's answers to a cancel.
 */
class OrderOutcomesTest {
    private final OrdersFixture f = new OrdersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TraderTime.EXCHANGE_ZONE).toInstant();
    }

    private OrderExecutionService started() {
        OrderExecutionService s = f.service(Checkpoint.NONE);
        s.start();
        return s;
    }

    private BrokerOrder order(Proposal p) {
        return f.orders.byLeg(p.id() + "-L1").orElseThrow();
    }

    /** Approved at 1.20/1.30 (mid 1.25 rests), transmitted and acknowledged: a working order. */
    private Proposal working(OrderExecutionService s) {
        f.broker.quote(PUT_580, 1.20, 1.30);
        Proposal p = f.approved(f.putProposal(1));
        s.poll();
        f.broker.deliver();
        assertThat(order(p).state()).isEqualTo(OrderState.SUBMITTED);
        return p;
    }

    @Test
    void aContractTheBrokerDoesNotListFailsTheProposalOnceAndNothingIsSent() {
        f.broker.unlist(PUT_580);
        Proposal p = f.approved(f.putProposal(2));
        OrderExecutionService s = started();
        for (int i = 0; i < 5; i++) {
            s.poll();
        }
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.FAILED);
        assertThat(f.broker.places()).isZero();
        assertThat(f.eventTypes(p)).containsExactly(ProposalEventType.CREATED, ProposalEventType.APPROVED,
                ProposalEventType.FAILED);
        assertThat(f.proposals.lastEvent(p.id()).orElseThrow().detail()).contains(p.id() + "-L1 XSP 2026-11-27 580 P")
                .contains("no contract matches").contains("nothing was sent");
        assertThat(f.proposals.legEnds(p.id()).get(p.id() + "-L1").reason()).isEqualTo(OrderEnd.NOT_QUALIFIED);
    }

    @Test
    void at2013NewYorkTheApprovalIsHeldAndTheWindowStartsAtTheOpen() {
        f.clock.set(ny("2026-12-03T20:13:00"));
        f.broker.quote(PUT_580, 1.20, 1.30);
        Proposal p = f.putProposal(1);
        ApprovalService.ApprovalOutcome outcome = f.approvals().approve(p.id(), new Actor("trader", "desk"));
        assertThat(outcome).isInstanceOf(ApprovalService.Approved.class);
        ApprovalService.Approved approval = (ApprovalService.Approved) outcome;
        assertThat(approval.checks().market().isOpen()).isFalse();
        assertThat(approval.workFrom()).isEqualTo(ny("2026-12-04T09:30:00"));
        assertThat(approval.validUntil()).isEqualTo(ny("2026-12-04T10:00:00")); // the open + approval.expiry

        OrderExecutionService s = started();
        s.poll();
        f.clock.advance(Duration.ofHours(6));
        s.poll();
        assertThat(f.broker.places()).isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);
        assertThat(f.eventTypes(p)).filteredOn(t -> t == ProposalEventType.HELD).hasSize(1);
        assertThat(f.proposals.lastEvent(p.id()).orElseThrow().detail())
                .contains("closed until 2026-12-04 09:30:00 EST").contains("works it from 2026-12-04 09:30:00 EST");

        f.clock.set(ny("2026-12-04T09:30:00"));
        f.broker.quote(PUT_580, 1.20, 1.30);
        s.poll();
        f.broker.deliver();
        assertThat(order(p).transmittedAt()).isEqualTo(ny("2026-12-04T09:30:00"));

        // unfilled (the ask stays above the worst price): cancelled when the window is over, five minutes on
        for (int i = 0; i < 10; i++) {
            f.clock.advance(Duration.ofSeconds(30));
            f.broker.quote(PUT_580, 1.20, 1.60);
            s.poll();
            f.broker.deliver();
        }
        BrokerOrder o = order(p);
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(o.endReason()).isEqualTo(OrderEnd.WORKING_WINDOW_OVER);
        assertThat(o.describeEnd()).isEqualTo("working window over: what was left after 5 min at the broker");
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        assertThat(f.proposals.lastEvent(p.id()).orElseThrow().detail())
                .isEqualTo(p.id() + "-L1 CANCELLED 0/1 (working window over: what was left after 5 min at the broker)");
    }

    @Test
    void at1000NewYorkTheApprovalIsWorkedAtOnce() {
        f.clock.set(ny("2026-12-04T10:00:00"));
        f.broker.quote(PUT_580, 1.20, 1.30);
        Proposal p = f.putProposal(1);
        assertThat(f.approvals().approve(p.id(), new Actor("trader", "desk"))).isInstanceOfSatisfying(
                ApprovalService.Approved.class, a -> {
                    assertThat(a.workFrom()).isEqualTo(ny("2026-12-04T10:00:00"));
                    assertThat(a.validUntil()).isEqualTo(ny("2026-12-04T10:30:00"));
                });
        started().poll();
        assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
    }

    @Test
    void aHaltCancelsWorkingOrdersAndSaysSo() {
        OrderExecutionService s = started();
        Proposal p = working(s);
        f.tradingState.change(TradingState.HALTED, "alice@desk", "FOMC", AuditLog.forCurrentUser(
                f.database.dataSource(), f.clock));
        s.poll();
        f.broker.deliver();
        s.poll();
        assertThat(order(p).endReason()).isEqualTo(OrderEnd.HALTED);
        assertThat(order(p).endDetail()).isEqualTo("trading HALTED by alice@desk: FOMC");
        assertThat(f.proposals.lastEvent(p.id()).orElseThrow().detail()).contains("CANCELLED 0/1 (halted: trading HALTED");
    }

    @Test
    void ibsConfirmation202OfOurCancelIsNotARejection() {
        OrderExecutionService s = started();
        Proposal p = working(s);
        f.broker.loseCancels(true); // only the 202 below tells us
        f.clock.advance(f.working.workingWindow());
        s.poll();
        assertThat(f.broker.cancels()).isEqualTo(1);
        s.recorder().onRejection(new OrderRejection(order(p).orderId(), 202, "Order Canceled - reason:"));
        assertThat(order(p).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(order(p).endReason()).isEqualTo(OrderEnd.WORKING_WINDOW_OVER);
        assertThat(f.orders.eventTypes(order(p).orderId())).doesNotContain(OrderEventType.REJECTED);
    }

    @Test
    void ibsRefusalToCancelLeavesTheOrderWorkingAndIsRecorded() {
        OrderExecutionService s = started();
        Proposal p = working(s);
        s.recorder().onRejection(new OrderRejection(order(p).orderId(), 10147, "OrderId 1000 that needs to be "
                + "cancelled is not found."));
        assertThat(order(p).state()).isEqualTo(OrderState.SUBMITTED);
        assertThat(f.orders.eventTypes(order(p).orderId())).contains(OrderEventType.CANCEL_REFUSED);
    }

    @Test
    void anOrderIbRejectsEndsRejectedWithIbsReason() {
        OrderExecutionService s = started();
        f.broker.quote(PUT_580, 1.20, 1.30);
        Proposal p = f.approved(f.putProposal(1));
        s.poll();
        s.recorder().onRejection(new OrderRejection(order(p).orderId(), 201, "Order rejected - reason: no permission"));
        assertThat(order(p).endReason()).isEqualTo(OrderEnd.REJECTED);
        assertThat(order(p).describeEnd()).isEqualTo("rejected by IB: IB error 201: Order rejected - reason: no permission");
    }

    @Test
    void aCancelTheBrokerMadeAtTheCloseIsTheSessionsEndOtherwiseItIsTheBrokers() {
        OrderExecutionService s = started();
        Proposal atClose = working(s);
        f.clock.set(ny("2026-11-23T16:15:00"));
        BrokerOrder o = order(atClose);
        s.recorder().onStatus(new OrderStatusReport(o.orderId(), o.permId(), BrokerOrderStatus.CANCELLED,
                BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, ""));
        assertThat(order(atClose).endReason()).isEqualTo(OrderEnd.SESSION_CLOSED);
        assertThat(order(atClose).endDetail()).contains("at the close, 2026-11-23 16:15:00 EST");

        f.clock.set(ny("2026-11-24T10:00:00"));
        Proposal midday = working(s);
        BrokerOrder m = order(midday);
        s.recorder().onStatus(new OrderStatusReport(m.orderId(), m.permId(), BrokerOrderStatus.CANCELLED,
                BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, ""));
        assertThat(order(midday).endReason()).isEqualTo(OrderEnd.CANCELLED_AT_BROKER);
    }

    @Test
    void aLostCancelIsSentAgainAfterTheGraceAndTheOrderEndsWithTheFirstReason() {
        OrderExecutionService s = started();
        Proposal p = working(s);
        f.broker.loseCancels(true);
        f.clock.advance(f.working.workingWindow());
        s.poll();
        s.poll();
        assertThat(f.broker.cancels()).isEqualTo(1);
        f.clock.advance(f.working.resendGrace());
        f.broker.loseCancels(false);
        s.poll();
        assertThat(f.broker.cancels()).isEqualTo(2);
        f.broker.deliver();
        assertThat(order(p).endReason()).isEqualTo(OrderEnd.WORKING_WINDOW_OVER);
        assertThat(f.orders.eventTypes(order(p).orderId())).containsSubsequence(OrderEventType.CANCEL_REQUESTED,
                OrderEventType.CANCEL_RESENT, OrderEventType.CANCELLED);
        assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
    }

    @Test
    void theTradersCancelSurvivesACrashBeforeTheBrokersConfirmation() {
        OrderExecutionService first = started();
        Proposal p = working(first);
        assertThat(f.approvals().cancel(p.id(), new Actor("alice", "desk"), "FOMC"))
                .isInstanceOf(ApprovalService.Done.class);
        first.poll(); // the cancel reaches the broker, whose confirmation is never heard: the daemon dies
        first.stop();
        f.broker.dropUndelivered();

        OrderExecutionService second = started(); // reconciliation finds the order cancelled at the broker
        second.poll();
        BrokerOrder o = order(p);
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(o.endReason()).isEqualTo(OrderEnd.CANCELLED_BY_TRADER);
        assertThat(o.endDetail()).contains("alice@desk").contains("FOMC");
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.CANCELLED);
        assertThat(f.broker.newOrdersFor(p.id() + "-L1")).isEqualTo(1);
        assertThat(f.broker.cancels()).isEqualTo(1);
    }

    @Test
    void aCancelledProposalWhoseOrderNeverReachedTheBrokerIsNeverSent() {
        f.broker.quote(PUT_580, 1.20, 1.30);
        Proposal p = f.approved(f.putProposal(1));
        OrderExecutionService first = f.service((point, orderId) -> {
            if (point == Checkpoint.Point.PENDING_SUBMIT_RECORDED) {
                throw new SimulatedCrash(point.name());
            }
        });
        first.start();
        try {
            first.poll();
        } catch (SimulatedCrash expected) {
            // the PENDING_SUBMIT row is written, nothing was transmitted
        }
        first.stop();
        assertThat(f.approvals().cancel(p.id(), new Actor("alice", "desk"), "changed my mind"))
                .isInstanceOf(ApprovalService.Done.class);

        f.clock.advance(f.working.resendGrace());
        OrderExecutionService second = started();
        second.poll();
        assertThat(f.broker.places()).isZero();
        assertThat(order(p).endReason()).isEqualTo(OrderEnd.CANCELLED_BY_TRADER);
        assertThat(order(p).endDetail()).startsWith("before it reached the broker, by alice@desk");
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.CANCELLED);
    }

    @Test
    void anAutoApprovalPassesTheSameChecksAsTheTradersAndRecordsItsRefusalOnce() {
        f.approval = new io.tailguard.orders.ApprovalConfig(io.tailguard.orders.ApprovalPolicy.AUTO_WITHIN_LIMITS,
                Duration.ofMinutes(30), new BigDecimal("1000000"));
        Proposal p = f.putProposal(60); // within autoMaxPremiumUsd, over maxContractsPerOrder 50
        assertThat(f.approvals().autoApprove(Actor.autoApproval())).isZero();
        assertThat(f.approvals().autoApprove(Actor.autoApproval())).isZero();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.PROPOSED);
        assertThat(f.eventTypes(p)).filteredOn(t -> t == ProposalEventType.AUTO_APPROVAL_DENIED).hasSize(1);
        assertThat(f.lastEvent(p).refusals()).extracting(GateDecision.Denied::gate).contains(Gate.MAX_CONTRACTS);
    }
}
