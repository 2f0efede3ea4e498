package io.tailguard.ledger;

import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Actor;
import io.tailguard.orders.LegIntent;
import io.tailguard.orders.PriceBounds;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalLeg;
import io.tailguard.orders.ProposalState;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A migrated H2 database with the orders tables the ledger books from, and the ledger on top. */
final class LedgerFixture implements AutoCloseable {
    static final Contract PUT_585 = Contract.option("XSP", ReferenceWeek.EXPIRY, new BigDecimal("585"),
            OptionRight.PUT, "XSP", 100);
    static final Contract CALL_84 = Contract.option("UPRO", ReferenceWeek.EXPIRY, new BigDecimal("84"),
            OptionRight.CALL, "UPRO", 100);

    final Database database = TestDatabases.inMemory();
    final MutableClock clock = new MutableClock(ReferenceWeek.MONDAY);
    final ProposalStore proposals;
    final OrderStore orders;
    final LedgerStore store;
    final HedgeCycleLedger ledger;
    private long orderId = 100;

    LedgerFixture() {
        database.migrate();
        proposals = new ProposalStore(database.dataSource(), clock);
        orders = new OrderStore(database.dataSource(), clock);
        store = new LedgerStore(database.dataSource(), clock);
        ledger = new HedgeCycleLedger(store, LedgerConfig.defaults(), clock);
    }

    /** A stored proposal with one leg per contract: legs are "ID-L0", "ID-L1", ... */
    void proposal(String id, Object... contractSideQty) {
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

    /** The orders layer storing an execution report (a new fill, a repeat or a correction). */
    void execution(String execId, String legId, Contract c, OrderSide side, String qty, String price,
            Instant at) {
        orders.recordExecution(new ExecutionReport(execId, orderId++, 1, legId, c, side, new BigDecimal(qty),
                new BigDecimal(price), at, null, null, "DU1234567"), orderId, false);
    }

    void commission(String execId, String amount) {
        orders.recordCommission(new CommissionReport(execId, new BigDecimal(amount), "USD"));
    }

    /** The reference week's opening: the cycle, its proposal, the put fills (partial) and the call fill. */
    void referenceWeekOpened() {
        proposal("P1", PUT_585, OrderSide.BUY, 16, CALL_84, OrderSide.SELL, 40);
        ledger.openCycle(ReferenceWeek.CYCLE, "P1", "UPRO", ReferenceWeek.EXPIRY, new BigDecimal("4000"),
                new BigDecimal("79.79"), ReferenceWeek.MONDAY);
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

    @Override
    public void close() {
        database.close();
    }
}
