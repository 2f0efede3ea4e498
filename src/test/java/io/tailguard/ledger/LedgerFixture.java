package io.tailguard.ledger;

import io.tailguard.app.OrderFills;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Actor;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A migrated H2 database with the orders layer's stores, and the ledger on top reading their fills through the
 * daemon's adapter ({@link OrderFills}).
 */
public final class LedgerFixture implements AutoCloseable {
    public static final Contract PUT_585 = Contract.option("XSP", ReferenceWeek.EXPIRY, new BigDecimal("585"),
            OptionRight.PUT, "XSP", 100);
    public static final Contract CALL_84 = Contract.option("UPRO", ReferenceWeek.EXPIRY, new BigDecimal("84"),
            OptionRight.CALL, "UPRO", 100);

    public final Database database;
    public final MutableClock clock = new MutableClock(ReferenceWeek.MONDAY);
    final ProposalStore proposals;
    final OrderStore orders;
    public final LedgerStore store;
    public final HedgeCycleLedger ledger;
    private final Map<String, Long> orderOfLeg = new HashMap<>();
    private long orderId = 100;

    public LedgerFixture() {
        this(TestDatabases.inMemory(), LedgerConfig.defaults());
    }

    public LedgerFixture(Database database, LedgerConfig config) {
        this.database = database;
        database.migrate();
        proposals = new ProposalStore(database.dataSource(), clock);
        orders = new OrderStore(database.dataSource(), clock);
        store = new LedgerStore(database.dataSource(), clock);
        ledger = new HedgeCycleLedger(store, config, clock, new OrderFills(proposals, orders));
    }

    /** A stored proposal with one leg per contract: legs are "ID-L0", "ID-L1", ... */
    public void proposal(String id, Object... contractSideQty) {
        List<ProposalLeg> legs = new java.util.ArrayList<>();
        for (int i = 0; i < contractSideQty.length; i += 3) {
            Contract c = (Contract) contractSideQty[i];
            OrderSide side = (OrderSide) contractSideQty[i + 1];
            int qty = (Integer) contractSideQty[i + 2];
            LegIntent intent = side == OrderSide.BUY ? (c.right() == OptionRight.PUT ? LegIntent.BUY_PROTECTION
                    : LegIntent.CLOSE_POSITION) : LegIntent.OPEN_SHORT_CALL;
            BigDecimal worst = side == OrderSide.BUY ? new BigDecimal("50") : new BigDecimal("0.01");
            PriceBounds bounds = new PriceBounds(BigDecimal.ZERO, new BigDecimal("1000"));
            legs.add(new ProposalLeg(id + "-L" + (i / 3), c, side, qty, new BigDecimal("1"), worst, bounds, intent));
        }
        proposals.insert(new Proposal(id, ProposalState.PROPOSED, "weekly-hedge", "", Map.of(), legs, clock.instant(),
                "tester", null), new Actor("tester", "test-host"));
    }

    /** The orders layer storing an execution report (a new fill, a repeat or a correction) of the leg's order. */
    public void execution(String execId, String legId, Contract c, OrderSide side, String qty, String price,
            Instant at) {
        long id = orderOfLeg.computeIfAbsent(legId, this::orderFor);
        orders.recordExecution(new ExecutionReport(execId, id, 1, legId, c, side, new BigDecimal(qty),
                new BigDecimal(price), at, null, null, "DU1234567"), id, false);
    }

    /** The order the daemon sent for a leg ("P1-L0" of proposal "P1"). */
    private long orderFor(String legId) {
        String proposalId = legId.substring(0, legId.lastIndexOf("-L"));
        ProposalLeg leg = proposals.find(proposalId).orElseThrow().leg(legId);
        long id = orderId++;
        orders.insertPending(id, legId, proposalId, "DU1234567", BigDecimal.valueOf(leg.quantity()), leg.limitPrice(),
                new Actor("tester", "test-host"));
        return id;
    }

    public void commission(String execId, String amount) {
        orders.recordCommission(new CommissionReport(execId, new BigDecimal(amount), "USD"));
    }

    /** The reference week's opening: the cycle, its proposal, the put fills (partial) and the call fill. */
    public void referenceWeekOpened() {
        proposal("P1", PUT_585, OrderSide.BUY, 16, CALL_84, OrderSide.SELL, 40);
        ledger.openCycle(ReferenceWeek.CYCLE, "P1", "UPRO", ReferenceWeek.EXPIRY, new BigDecimal("4000"),
                new BigDecimal("79.79"), new BigDecimal("590.10"), ReferenceWeek.MONDAY);
        execution("0000e0d5.6554a1b2.01.01", "P1-L0", PUT_585, OrderSide.BUY, "10", "3.12",
                ReferenceWeek.MONDAY.plusSeconds(60));
        execution("0000e0d5.6554a1b3.01.01", "P1-L0", PUT_585, OrderSide.BUY, "6", "3.15",
                ReferenceWeek.MONDAY.plusSeconds(120));
        execution("0000e0d5.6554a1b4.01.01", "P1-L1", CALL_84, OrderSide.SELL, "40", "0.85",
                ReferenceWeek.MONDAY.plusSeconds(180));
        commission("0000e0d5.6554a1b2.01.01", "6.50");
        commission("0000e0d5.6554a1b3.01.01", "3.90");
        commission("0000e0d5.6554a1b4.01.01", "26.00");
        ledger.syncFills(ReferenceWeek.CYCLE);
    }

    /**
     * A second, calmer week after the reference week: 4,000 UPRO from 73.06 to 76.00, 16 XSP 570 puts
     * bought at 2.50 that settle out of the money at 580.00, no calls, commission 10.40.
     * underlying 4,000 x 2.94 = 11,760.00; puts -4,000.00; commissions -10.40; net 7,749.60.
     */
    public void secondWeekClosed() {
        java.time.LocalDate expiry = ReferenceWeek.EXPIRY.plusDays(7);
        Contract put570 = Contract.option("XSP", expiry, new BigDecimal("570"), OptionRight.PUT, "XSP", 100);
        Instant monday = ReferenceWeek.MONDAY.plusSeconds(7 * 86_400);
        proposal("P9", put570, OrderSide.BUY, 16);
        ledger.openCycle("2026-W49", "P9", "UPRO", expiry, new BigDecimal("4000"), new BigDecimal("73.06"),
                new BigDecimal("573.50"), monday);
        execution("0000e0d5.6554d001.01.01", "P9-L0", put570, OrderSide.BUY, "16", "2.50", monday.plusSeconds(60));
        commission("0000e0d5.6554d001.01.01", "10.40");
        ledger.syncFills("2026-W49");
        Instant friday = ReferenceWeek.FRIDAY_CLOSE.plusSeconds(7 * 86_400);
        ledger.recordCashSettlement("2026-W49", Instrument.of(put570), new BigDecimal("580.00"), friday);
        ledger.closeCycle("2026-W49", new BigDecimal("76.00"), friday);
    }

    /** The reference week to its end: puts settled at 573.00, calls expired, UPRO closed at 73.06. */
    public void referenceWeekClosed() {
        referenceWeekOpened();
        ledger.recordCashSettlement(ReferenceWeek.CYCLE, ReferenceWeek.PUT_585, ReferenceWeek.SETTLEMENT,
                ReferenceWeek.FRIDAY_CLOSE);
        ledger.recordExpiry(ReferenceWeek.CYCLE, ReferenceWeek.CALL_84, ReferenceWeek.FRIDAY_CLOSE);
        ledger.closeCycle(ReferenceWeek.CYCLE, ReferenceWeek.UPRO_CLOSE, ReferenceWeek.FRIDAY_CLOSE);
    }

    @Override
    public void close() {
        database.close();
    }
}
