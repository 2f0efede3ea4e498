package io.tailguard.app;

import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.BrokerFill;
import io.tailguard.ledger.ExecutionRoutes;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.OpeningMarket;
import io.tailguard.ledger.WeeklyHedgeCycles;
import io.tailguard.ledger.store.LedgerStore;
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
import io.tailguard.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ledger's share of one pass of the daemon's order loop (every 2 s), on an in-memory H2 database holding
 * {@code weeks} past weekly hedges (each a DONE proposal with its orders, three fills and its closed cycle) and this
 * week's open cycle, when nothing finished since the last pass: {@link ExecutionHandover#run()} (nothing noted, so
 * only the open cycle's fills are read, through the ledger's port) against the reads the former
 * {@code HedgeCycleOpener} made every pass (every cycle with its proposals, every DONE proposal with its legs, then
 * the open cycle's fills by a join of the orders tables).
 *
 * <p>Run: {@code ./mvnw -B -q -o -Pbench package -Dmaven.test.skip=true} (after a normal {@code package}, whose
 * {@code target/lib} holds the runtime libraries), then
 * {@code java -Dlogback.configurationFile=config/logback.xml -cp "target/benchmarks.jar:target/lib/*"
 * org.openjdk.jmh.Main LedgerHandoverBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LedgerHandoverBenchmark {
    private static final LocalDate THIS_WEEK = LocalDate.of(2026, 12, 4);
    private static final Actor DAEMON = Actor.daemon();

    @Param({"52", "520"})
    int weeks;

    private Database db;
    private ProposalStore proposals;
    private LedgerStore store;
    private HedgeCycleLedger ledger;
    private ExecutionHandover handover;
    private long nextOrderId = 1000;

    @Setup(Level.Trial)
    public void tenYearsOfWeeks() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        db.migrate();
        Clock clock = Clock.fixed(THIS_WEEK.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        proposals = new ProposalStore(db.dataSource(), clock);
        OrderStore orders = new OrderStore(db.dataSource(), clock);
        store = new LedgerStore(db.dataSource(), clock);
        OrderFills fills = new OrderFills(proposals, orders);
        ledger = LedgerApp.ledger(db.dataSource(), LedgerConfig.defaults(), clock, fills);
        OpeningMarket market = new OpeningMarket() {
            @Override
            public Optional<BigDecimal> sharesHeld(String symbol) {
                return Optional.of(new BigDecimal("4000"));
            }

            @Override
            public Optional<BigDecimal> stockPrice(String symbol) {
                return Optional.of(new BigDecimal("78.93"));
            }

            @Override
            public Optional<BigDecimal> indexLevel(String symbol, String exchange) {
                return Optional.of(new BigDecimal("587.89"));
            }
        };
        ExecutionRoutes routes = new ExecutionRoutes(Map.of(ProposalBuilder.STRATEGY,
                new WeeklyHedgeCycles(ledger, new WeeklyHedgeCycles.Terms("UPRO", "XSP", "CBOE"), market)));
        handover = new ExecutionHandover(proposals, fills, routes, ledger);
        for (int week = weeks; week >= 1; week--) {
            LocalDate expiry = THIS_WEEK.minusWeeks(week);
            String id = executed("H" + week, expiry, orders);
            Instant opened = expiry.minusDays(4).atTime(14, 32).toInstant(ZoneOffset.UTC);
            String cycleId = WeeklyHedgeCycles.cycleId(expiry);
            store.insertClosedCycle(HedgeCycle.open(cycleId, "UPRO", expiry, opened, new BigDecimal("4000"),
                    new BigDecimal("78.93")).closed(new BigDecimal("4000"), new BigDecimal("79.10"),
                    opened.plusSeconds(4 * 86_400)), List.of());
            store.attachProposal(cycleId, id);
        }
        handover.done(proposals.find(executed("H0", THIS_WEEK, orders)).orElseThrow());
        handover.run(); // this week's cycle opens
        if (store.openCycles().size() != 1) {
            throw new IllegalStateException("expected this week's cycle open, have " + store.openCycles());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** The hand-over's pass now: nothing noted since the last pass; the open cycle's fills through ProposalFills. */
    @Benchmark
    public int handOverPass() {
        handover.run();
        return ledger.entries(WeeklyHedgeCycles.cycleId(THIS_WEEK)).size();
    }

    /** What HedgeCycleOpener.run() read every pass before: every cycle and DONE proposal, then the join. */
    @Benchmark
    public int formerOpenerPass() throws SQLException {
        Set<String> booked = new HashSet<>();
        for (HedgeCycle c : store.cycles()) {
            booked.addAll(store.proposals(c.id()));
        }
        int toOpen = 0;
        for (Proposal p : proposals.inStates(ProposalState.DONE)) {
            if (ProposalBuilder.STRATEGY.equals(p.strategy()) && !booked.contains(p.id())) {
                toOpen++;
            }
        }
        for (HedgeCycle c : store.openCycles()) {
            ledger.bookFills(c.id(), formerJoin(c.id()));
        }
        return toOpen + ledger.entries(WeeklyHedgeCycles.cycleId(THIS_WEEK)).size();
    }

    /** The former LedgerStore.fills(cycleId): the orders tables joined in SQL. */
    private List<BrokerFill> formerJoin(String cycleId) throws SQLException {
        List<BrokerFill> fills = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT e.exec_id, e.exec_id_base, e.order_ref, e.side, e.shares, e.price, e.executed_at, "
                        + "m.commission, l.symbol, l.sec_type, l.expiry, l.strike, l.opt_right, l.multiplier "
                        + "FROM execution e JOIN proposal_leg l ON l.leg_id = e.order_ref "
                        + "JOIN hedge_cycle_proposal p ON p.proposal_id = l.proposal_id "
                        + "LEFT JOIN commission m ON m.exec_id_base = e.exec_id_base "
                        + "WHERE p.cycle_id = ? ORDER BY e.executed_at, e.exec_id_base")) {
            ps.setString(1, cycleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instrument i = "OPTION".equals(rs.getString("sec_type"))
                            ? new Instrument(rs.getString("symbol"), rs.getString("opt_right").startsWith("P")
                                    ? Instrument.Kind.PUT : Instrument.Kind.CALL, rs.getDate("expiry").toLocalDate(),
                                    rs.getBigDecimal("strike"), rs.getInt("multiplier"))
                            : Instrument.shares(rs.getString("symbol"));
                    fills.add(new BrokerFill(rs.getString("exec_id"), rs.getString("exec_id_base"),
                            rs.getString("order_ref"), i, OrderSide.valueOf(rs.getString("side")),
                            rs.getBigDecimal("shares"), rs.getBigDecimal("price"),
                            rs.getTimestamp("executed_at").toInstant(), rs.getBigDecimal("commission")));
                }
            }
        }
        return fills;
    }

    /** A weekly hedge as the order side leaves it DONE: 17 XSP puts in two fills, 10 UPRO calls, commissions in. */
    private String executed(String id, LocalDate expiry, OrderStore orders) {
        Contract put = Contract.option("XSP", expiry, new BigDecimal("587"), OptionRight.PUT, "XSP", 100);
        Contract call = Contract.option("UPRO", expiry, new BigDecimal("84"), OptionRight.CALL, "UPRO", 100);
        List<ProposalLeg> legs = List.of(
                new ProposalLeg(id + "-L1", put, OrderSide.BUY, 17, new BigDecimal("2.35"), new BigDecimal("2.37"),
                        new PriceBounds(BigDecimal.ZERO, new BigDecimal("2.37")), LegIntent.BUY_PROTECTION),
                new ProposalLeg(id + "-L2", call, OrderSide.SELL, 10, new BigDecimal("0.90"), new BigDecimal("0.80"),
                        new PriceBounds(new BigDecimal("0.70"), new BigDecimal("9")), LegIntent.OPEN_SHORT_CALL));
        Instant at = expiry.minusDays(4).atTime(14, 31).toInstant(ZoneOffset.UTC);
        proposals.insert(new Proposal(id, ProposalState.DONE, ProposalBuilder.STRATEGY, "bench", Map.of(), legs, at,
                "daemon", null), DAEMON);
        String[][] executions = {{"10", "2.35"}, {"7", "2.37"}};
        for (ProposalLeg leg : legs) {
            long orderId = nextOrderId++;
            orders.insertPending(orderId, leg.legId(), id, "DU1234567", BigDecimal.valueOf(leg.quantity()),
                    leg.limitPrice(), DAEMON);
            orders.transition(orderId, OrderState.PENDING_SUBMIT, OrderState.SUBMITTED, DAEMON, "bench");
            String[][] parts = leg.contract().right() == OptionRight.PUT ? executions : new String[][] {{"10", "0.90"}};
            for (String[] part : parts) {
                String execId = id + "." + orderId + "." + part[0] + ".01";
                orders.recordExecution(new ExecutionReport(execId, orderId, 1, leg.legId(), leg.contract(), leg.side(),
                        new BigDecimal(part[0]), new BigDecimal(part[1]), at, null, null, "DU1234567"), orderId, false);
                orders.recordCommission(new CommissionReport(execId, new BigDecimal("6.50"), "USD"));
                at = at.plusSeconds(20);
            }
            orders.end(orderId, OrderState.SUBMITTED, OrderState.FILLED, DAEMON, "bench", OrderEnd.FILLED, null);
        }
        return id;
    }
}
