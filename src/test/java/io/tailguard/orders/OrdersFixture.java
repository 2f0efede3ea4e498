package io.tailguard.orders;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import io.tailguard.testing.FakeOrderRoute;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.ProposalState;

/** A migrated H2 database, the stores, a fake broker and a way to build (and rebuild) the service. */
final class OrdersFixture implements AutoCloseable {
    static final Instant MONDAY_10_ET = Instant.parse("2026-11-23T15:00:00Z");
    static final Contract PUT_580 = Contract.option("XSP", LocalDate.of(2026, 11, 27), new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);
    static final Contract CALL_UPRO = Contract.option("UPRO", LocalDate.of(2026, 11, 27), new BigDecimal("95"),
            OptionRight.CALL, "UPRO", 100);

    final Database database;
    final MutableClock clock = new MutableClock(MONDAY_10_ET);
    final ProposalStore proposals;
    final OrderStore orders;
    final TradingStateStore tradingState;
    final FakeOrderRoute broker;
    TradingConfig trading = new TradingConfig(null, false, null);
    ApprovalConfig approval = new ApprovalConfig(ApprovalPolicy.MANUAL, Duration.ofMinutes(30), null);
    Map<String, String> environment = Map.of();
    OrderWorkingConfig working = OrderWorkingConfig.defaults();
    private int proposalCounter;

    OrdersFixture() {
        this("DU1234567", 1000);
    }

    OrdersFixture(String account, long nextValidId) {
        this(TestDatabases.inMemory(), account, nextValidId);
    }

    private OrdersFixture(Database database, String account, long nextValidId) {
        this.database = database;
        database.migrate();
        proposals = new ProposalStore(database.dataSource(), clock);
        orders = new OrderStore(database.dataSource(), clock);
        tradingState = new TradingStateStore(database.dataSource(), clock);
        broker = new FakeOrderRoute(clock, account, nextValidId);
    }

    MarketHours hours = MarketHours.exchange();

    ProposalChecks checks() {
        return new ProposalChecks(new TransmissionGates(trading, environment), orders, tradingState, hours, clock);
    }

    ApprovalService approvals() {
        return new ApprovalService(proposals, checks(), approval, clock);
    }

    OrderExecutionService service(Checkpoint checkpoint) {
        return service(checkpoint, ProposalDoneListener.NONE);
    }

    OrderExecutionService service(Checkpoint checkpoint, ProposalDoneListener onDone) {
        return new OrderExecutionService(proposals, orders, tradingState, approvals(), broker, broker,
                new TransmissionGates(trading, environment), working, clock, checkpoint, onDone);
    }

    /** A one-leg put purchase: limit 1.25, worst 1.40, valid while the mid is within 0.50..1.40. */
    Proposal putProposal(int contracts) {
        return proposal(leg("L1", PUT_580, OrderSide.BUY, contracts, "1.25", "1.40", LegIntent.BUY_PROTECTION));
    }

    Proposal proposal(ProposalLegSpec... specs) {
        String id = "P" + (++proposalCounter);
        List<ProposalLeg> legs = java.util.Arrays.stream(specs).map(s -> s.build(id)).toList();
        Proposal p = new Proposal(id, ProposalState.PROPOSED, "weekly-hedge", "test proposal",
                Map.of("expectedLoss", "1.2%"), legs, clock.instant(), "tester", null);
        proposals.insert(p, new Actor("tester", "test-host"));
        return p;
    }

    record ProposalLegSpec(String suffix, Contract contract, OrderSide side, int qty, String limit, String worst,
            LegIntent intent) {
        ProposalLeg build(String proposalId) {
            BigDecimal w = new BigDecimal(worst);
            PriceBounds bounds = side == OrderSide.BUY ? new PriceBounds(BigDecimal.ZERO, w)
                    : new PriceBounds(w, new BigDecimal("1000"));
            return new ProposalLeg(proposalId + "-" + suffix, contract, side, qty, new BigDecimal(limit), w, bounds,
                    intent);
        }
    }

    static ProposalLegSpec leg(String suffix, Contract c, OrderSide side, int qty, String limit, String worst,
            LegIntent intent) {
        return new ProposalLegSpec(suffix, c, side, qty, limit, worst, intent);
    }

    Proposal approved(Proposal p) {
        if (approvals().approve(p.id(), new Actor("trader", "desk")) instanceof ApprovalService.Refused r) {
            throw new AssertionError(r.reason());
        }
        return proposals.find(p.id()).orElseThrow();
    }

    ProposalState stateOf(Proposal p) {
        return proposals.find(p.id()).orElseThrow().state();
    }

    List<ProposalEventType> eventTypes(Proposal p) {
        return proposals.events(p.id()).stream().map(ProposalStore.Event::type).toList();
    }

    ProposalStore.Event lastEvent(Proposal p) {
        return proposals.lastEvent(p.id()).orElseThrow();
    }

    @Override
    public void close() {
        database.close();
    }
}
