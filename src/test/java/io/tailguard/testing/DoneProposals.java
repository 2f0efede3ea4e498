package io.tailguard.testing;

import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.orders.Actor;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.OrderEnd;
import io.tailguard.orders.OrderState;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Proposals as the order side leaves them when they are DONE, written through its own stores: a week's hedge of
 * 17 XSP 587 puts and 10 short UPRO 84 calls, each leg's order FILLED, and (for {@link #executed}) its executions
 * and the puts' commissions.
 */
public final class DoneProposals {
    public static final LocalDate EXPIRY = LocalDate.of(2026, 12, 4);
    public static final String CYCLE = "W" + EXPIRY;
    public static final Contract PUT_587 = Contract.option("XSP", EXPIRY, new BigDecimal("587"), OptionRight.PUT, "XSP", 100);
    public static final Contract CALL_84 = Contract.option("UPRO", EXPIRY, new BigDecimal("84"), OptionRight.CALL, "UPRO",
            100);
    /** Monday 2026-11-30, 09:31 New York: the first put fill. */
    public static final Instant FILLED_AT = Instant.parse("2026-11-30T14:31:00Z");
    /** The last fill of {@link #executed}: when the hedge executed. */
    public static final Instant LAST_FILL = FILLED_AT.plusSeconds(40);

    private static final Actor DAEMON = Actor.daemon();

    private final ProposalStore proposals;
    private final OrderStore orders;
    private final Clock clock;
    private long nextOrderId = 500;

    public DoneProposals(ProposalStore proposals, OrderStore orders, Clock clock) {
        this.proposals = proposals;
        this.orders = orders;
        this.clock = clock;
    }

    /** DONE, every leg's order FILLED (the broker's status), no execution stored yet. */
    public Proposal done(String id, String strategy) {
        List<ProposalLeg> legs = List.of(
                new ProposalLeg(id + "-L1", PUT_587, OrderSide.BUY, 17, new BigDecimal("2.35"), new BigDecimal("2.37"),
                        new PriceBounds(BigDecimal.ZERO, new BigDecimal("2.37")), LegIntent.BUY_PROTECTION),
                new ProposalLeg(id + "-L2", CALL_84, OrderSide.SELL, 10, new BigDecimal("0.90"), new BigDecimal("0.80"),
                        new PriceBounds(new BigDecimal("0.70"), new BigDecimal("9")), LegIntent.OPEN_SHORT_CALL));
        Proposal p = new Proposal(id, ProposalState.DONE, strategy, "test", Map.of(), legs, clock.instant(), "daemon",
                null);
        proposals.insert(p, DAEMON);
        for (ProposalLeg leg : legs) {
            long orderId = nextOrderId++;
            orders.insertPending(orderId, leg.legId(), id, "DU1234567", BigDecimal.valueOf(leg.quantity()),
                    leg.limitPrice(), DAEMON);
            orders.transition(orderId, OrderState.PENDING_SUBMIT, OrderState.SUBMITTED, DAEMON, "test");
            orders.end(orderId, OrderState.SUBMITTED, OrderState.FILLED, DAEMON, "status Filled", OrderEnd.FILLED, null);
        }
        return p;
    }

    /** Stores one execution of the leg ({@code "L1"} puts, {@code "L2"} calls) as the order side does. */
    public void execution(String execId, Proposal p, String leg, String qty, String price, Instant at) {
        ProposalLeg l = p.leg(p.id() + "-" + leg);
        long orderId = orders.byLeg(l.legId()).orElseThrow().orderId();
        orders.recordExecution(new ExecutionReport(execId, orderId, 1, l.legId(), l.contract(), l.side(),
                new BigDecimal(qty), new BigDecimal(price), at, null, null, "DU1234567"), orderId, false);
    }

    public void commission(String execId, String amount) {
        orders.recordCommission(new CommissionReport(execId, new BigDecimal(amount), "USD"));
    }

    /**
     * A weekly hedge DONE with all its executions: 10 + 7 puts at 2.35 / 2.37, 10 calls at 0.90 at
     * {@link #LAST_FILL}; the puts' commissions (6.50, 4.55) are in, the calls' ({@code <id>.e3.01}) is not yet.
     */
    public Proposal executed(String id) {
        Proposal p = done(id, ProposalBuilder.STRATEGY);
        execution(id + ".e1.01", p, "L1", "10", "2.35", FILLED_AT);
        execution(id + ".e2.01", p, "L1", "7", "2.37", FILLED_AT.plusSeconds(20));
        execution(id + ".e3.01", p, "L2", "10", "0.90", LAST_FILL);
        commission(id + ".e1.01", "6.50");
        commission(id + ".e2.01", "4.55");
        return p;
    }
}
