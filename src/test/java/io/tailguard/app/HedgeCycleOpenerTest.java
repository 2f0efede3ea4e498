package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Actor;
import io.tailguard.orders.LegIntent;
import io.tailguard.orders.PriceBounds;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalLeg;
import io.tailguard.orders.ProposalState;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.testing.StubBroker;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HedgeCycleOpenerTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 4);
    private static final Contract PUT_587 = Contract.option("XSP", EXPIRY, new BigDecimal("587"), OptionRight.PUT,
            "XSP", 100);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T14:31:00Z"), ZoneOffset.UTC);
    private final Database db = TestDatabases.inMemory();
    private final ProposalStore proposals;
    private final LedgerStore ledgerStore;
    private final HedgeCycleLedger ledger;
    private final HedgeCycleOpener opener;

    HedgeCycleOpenerTest() {
        db.migrate();
        proposals = new ProposalStore(db.dataSource(), clock);
        ledgerStore = new LedgerStore(db.dataSource(), clock);
        ledger = new HedgeCycleLedger(ledgerStore, new LedgerConfig(null, null), clock);
        StubBroker broker = new StubBroker().holding("UPRO", 4000).last("UPRO", 78.93).last("XSP", 587.89);
        opener = new HedgeCycleOpener(proposals, ledger, ledgerStore, broker, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void store(String id, String strategy, ProposalState state, Contract contract, OrderSide side) {
        ProposalLeg leg = side == OrderSide.BUY
                ? new ProposalLeg(id + "-L1", contract, side, 17, new BigDecimal("2.35"), new BigDecimal("2.37"),
                        new PriceBounds(BigDecimal.ZERO, new BigDecimal("2.37")), LegIntent.BUY_PROTECTION)
                : new ProposalLeg(id + "-L1", contract, side, 4000, new BigDecimal("78.90"), new BigDecimal("78.50"),
                        new PriceBounds(new BigDecimal("78.50"), new BigDecimal("1000")), LegIntent.SELL_UNDERLYING);
        proposals.insert(new Proposal(id, state, strategy, "test", Map.of(), List.of(leg), clock.instant(), "tester",
                null), new Actor("tester", "host"));
    }

    @Test
    void anExecutedWeeklyHedgeOpensItsCycleOnceWithTheSharesAndPricesAtExecution() {
        store("H1", ProposalBuilder.STRATEGY, ProposalState.DONE, PUT_587, OrderSide.BUY);

        assertThat(opener.openCycles()).isEqualTo(1);
        assertThat(opener.openCycles()).as("a second pass opens nothing").isZero();

        HedgeCycle cycle = ledger.cycle("W" + EXPIRY);
        assertThat(cycle.expiry()).isEqualTo(EXPIRY);
        assertThat(cycle.sharesStart()).isEqualByComparingTo("4000");
        assertThat(cycle.priceStart()).isEqualByComparingTo("78.93");
        assertThat(ledgerStore.proposals(cycle.id())).containsExactly("H1");
    }

    @Test
    void proposalsThatAreNotExecutedHedgesOpenNoCycle() {
        store("H2", ProposalBuilder.STRATEGY, ProposalState.SUBMITTED, PUT_587, OrderSide.BUY);
        store("M1", "manual", ProposalState.DONE, PUT_587, OrderSide.BUY);
        store("D1", ProposalBuilder.STRATEGY, ProposalState.DONE, Contract.stock("UPRO"), OrderSide.SELL);

        assertThat(opener.openCycles()).isZero();
        assertThat(ledgerStore.cycles()).isEmpty();
    }
}
