package io.tailguard.app;

import static io.tailguard.testing.DoneProposals.CYCLE;
import static io.tailguard.testing.DoneProposals.FILLED_AT;
import static io.tailguard.testing.DoneProposals.LAST_FILL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.BrokerOpeningMarket;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.ExecutionBooking;
import io.tailguard.ledger.ExecutionRoutes;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.testing.DoneProposals;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.StubBroker;
import io.tailguard.testing.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon's hand-over of finished proposals to the ledger, on H2 with the orders layer's own stores: what the
 * DONE hook noted is handed over after the next pass, once; a proposal whose executions are still arriving waits;
 * one that was DONE when the process died is caught up once when the next one starts; fills are booked once each.
 */
class ExecutionHandoverTest {
    private final MutableClock clock = new MutableClock(FILLED_AT.plusSeconds(60));
    private final Database db = TestDatabases.inMemory();
    private final ProposalStore proposals;
    private final OrderStore orders;
    private final DoneProposals order;
    private final StubBroker broker = new StubBroker().holding("UPRO", 4000).last("UPRO", 78.93).last("XSP", 587.89);

    ExecutionHandoverTest() {
        db.migrate();
        proposals = new ProposalStore(db.dataSource(), clock);
        orders = new OrderStore(db.dataSource(), clock);
        order = new DoneProposals(proposals, orders, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The daemon's wiring of one process: the shipped strategy's route, the ledger on the orders' stores. */
    private record Process(ExecutionHandover handover, HedgeCycleLedger ledger) {
    }

    private Process start() {
        OrderFills fills = new OrderFills(proposals, orders);
        HedgeCycleLedger ledger = LedgerApp.ledger(db.dataSource(), LedgerConfig.defaults(), clock, fills);
        ExecutionRoutes routes = LedgerApp.routes(ledger,
                Optional.of(WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE)), new BrokerOpeningMarket(broker));
        return new Process(new ExecutionHandover(proposals, fills, routes, ledger), ledger);
    }

    private static List<EntryType> types(HedgeCycleLedger ledger, String cycleId) {
        return ledger.entries(cycleId).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void aDoneWeeklyProposalIsHandedOverAfterTheNextPassOnceWithItsFills() {
        Process daemon = start();
        Proposal p = order.executed("H1");
        daemon.handover().done(p);
        daemon.handover().done(order.done("M1", "manual"));

        daemon.handover().run();

        HedgeCycle cycle = daemon.ledger().cycle(CYCLE);
        assertThat(cycle.openedAt()).as("the hedge executed at its last fill").isEqualTo(LAST_FILL);
        assertThat(cycle.sharesStart()).isEqualByComparingTo("4000");
        assertThat(cycle.priceStart()).isEqualByComparingTo("78.93");
        assertThat(cycle.indexStart()).isEqualByComparingTo("587.89");
        assertThat(types(daemon.ledger(), cycle.id())).containsExactly(EntryType.POSITION_AT_START, EntryType.FILL,
                EntryType.COMMISSION, EntryType.FILL, EntryType.COMMISSION, EntryType.FILL);
        assertThat(daemon.ledger().cycleOf("M1")).as("a manual proposal is booked nowhere").isEmpty();

        daemon.handover().done(p); // announced again (a second process, a replayed event): booked once
        daemon.handover().run();
        daemon.handover().run();
        assertThat(daemon.ledger().cycles()).hasSize(1);
        assertThat(daemon.ledger().entries(cycle.id())).hasSize(6);
    }

    @Test
    void aProposalWhoseExecutionsAreStillArrivingIsHandedOverOnceTheyAreIn() {
        Process daemon = start();
        // IB may send orderStatus Filled before the last execDetails: the orders are FILLED, 10 of 17 puts stored
        Proposal p = order.done("H1", ProposalBuilder.STRATEGY);
        order.execution("H1.e1.01", p, "L1", "10", "2.35", FILLED_AT);
        daemon.handover().done(p);

        daemon.handover().run();
        assertThat(daemon.ledger().cycles()).as("waits for the fills the cycle starts from").isEmpty();

        order.execution("H1.e2.01", p, "L1", "7", "2.37", FILLED_AT.plusSeconds(20));
        order.execution("H1.e3.01", p, "L2", "10", "0.90", LAST_FILL);
        daemon.handover().run();

        HedgeCycle cycle = daemon.ledger().cycle(CYCLE);
        assertThat(cycle.openedAt()).isEqualTo(LAST_FILL);
        assertThat(types(daemon.ledger(), cycle.id())).filteredOn(t -> t == EntryType.FILL).hasSize(3);
    }

    @Test
    void aProposalDoneWhenTheDaemonDiedIsCaughtUpOnceWhenTheNextOneStarts() {
        Process killed = start();
        Proposal p = order.executed("H1");
        killed.handover().done(p); // noted, and the process dies before its next pass
        order.done("M1", "manual");

        Process restarted = start();
        List<ExecutionBooking> caughtUp = restarted.handover().catchUp();

        assertThat(caughtUp).singleElement().isInstanceOfSatisfying(ExecutionBooking.CycleOpened.class, opened -> {
            assertThat(opened.cycle().id()).isEqualTo(CYCLE);
            assertThat(opened.cycle().openedAt()).isEqualTo(LAST_FILL);
        });
        List<LedgerEntry> booked = restarted.ledger().entries(CYCLE);
        assertThat(booked).hasSize(6);

        Process again = start();
        assertThat(again.handover().catchUp()).as("a second start finds nothing to catch up").isEmpty();
        again.handover().done(p); // and the proposal announced once more books nothing either
        again.handover().run();
        assertThat(again.ledger().cycles()).hasSize(1);
        assertThat(again.ledger().entries(CYCLE)).isEqualTo(booked);
    }

    @Test
    void aCommissionReportedAfterTheHandOverIsBookedByTheNextPassOnce() {
        Process daemon = start();
        Proposal p = order.executed("H1");
        daemon.handover().done(p);
        daemon.handover().run();
        String cycle = CYCLE;
        assertThat(types(daemon.ledger(), cycle)).filteredOn(t -> t == EntryType.COMMISSION).hasSize(2);

        order.commission("H1.e3.01", "6.50");
        daemon.handover().run();
        daemon.handover().run();

        assertThat(types(daemon.ledger(), cycle)).filteredOn(t -> t == EntryType.COMMISSION).hasSize(3);
        assertThat(daemon.ledger().entries(cycle)).hasSize(7);
    }
}
