package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.orders.ApprovalConfig;
import io.tailguard.orders.ApprovalPolicy;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.schedule.JobConfig;
import io.tailguard.orders.RiskLimitsConfig;
import io.tailguard.orders.TradingConfig;
import io.tailguard.orders.TradingMode;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.ContractQuery;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Scenarios;
import io.tailguard.broker.sim.market.SimClock;
import io.tailguard.broker.sim.market.Underlying;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.BrokerMarketView;
import io.tailguard.orders.Checkpoint;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.OrderExecutionService;
import io.tailguard.orders.OrderWorkingConfig;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.schedule.JobOutcome;
import io.tailguard.schedule.JobRunLog;
import io.tailguard.schedule.SchedulerService;
import io.tailguard.schedule.ServiceJobFactory;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import io.tailguard.testing.Await;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hedge cycle that closes by itself, end to end over loopback: the reference bad week on the
 * simulated gateway (manual clock), a weekly hedge of 10 XSP puts and two series of 5 short UPRO calls
 * (one deep in the money, one out of it) executed by the order service through our client, the cycle
 * opened by the daemon's hand-over of the DONE proposal to the ledger on a real H2 database, the week run to the expiry, the gateway settling
 * after the close, and the {@code expiry-booking} job of the daemon's {@link JobCatalog} on a real Quartz
 * scheduler booking the cash settlement, the assignment and the expiry from broker evidence and closing
 * the cycle. The ledger's cash then equals the simulated account's cash change.
 */
class ExpiryBookingOverSimGatewayTest {
    private static final ZoneId NEW_YORK = ExchangeCalendar.NEW_YORK;
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 4);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private SimGateway gateway;
    private IbkrBroker broker;
    private Database db;
    private SchedulerService scheduler;

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theExpiryBookingJobSettlesAssignsExpiresAndClosesTheCycleFromWhatTheGatewayShows() throws Exception {
        ModelMarket market = ModelMarket.create(Scenarios.referenceBadWeekConfig(
                MarketModelConfig.defaults().withClock(ClockMode.MANUAL, 1.0), MONDAY));
        Scenarios.applyReferenceBadWeek(market, MONDAY);
        SimClock clock = market.clock();
        clock.setTo(ny(MONDAY, 10, 0));
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(10)),
                market).start();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 41, 1, 45, 90, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)), clock);
        broker.connect();
        db = TestDatabases.inMemory();
        db.migrate();
        DataSource ds = db.dataSource();
        // the daemon's wiring, on an installation of the shipped strategy beside its config directory
        Path configFile = installation();
        DaemonServices services = DaemonServices.wire(configFile, new ConfigLoader(Map.of()).load(configFile), ds,
                broker, clock);

        // the week's hedge: 10 XSP puts near 585, 5 UPRO calls that end in the money, 5 that end out of it
        Contract put = listed(market, "XSP", OptionRight.PUT, new BigDecimal("585"));
        Contract callItm = listed(market, "UPRO", OptionRight.CALL, new BigDecimal("70"));
        Contract callOtm = listed(market, "UPRO", OptionRight.CALL, new BigDecimal("82"));
        ProposalStore proposals = services.proposals();
        String id = "H-test-1";
        Proposal proposal = new Proposal(id, ProposalState.PROPOSED, ProposalBuilder.STRATEGY, "test week", Map.of(),
                List.of(leg(id + "-L1", put, OrderSide.BUY, 10, LegIntent.BUY_PROTECTION),
                        leg(id + "-L2", callItm, OrderSide.SELL, 5, LegIntent.OPEN_SHORT_CALL),
                        leg(id + "-L3", callOtm, OrderSide.SELL, 5, LegIntent.OPEN_SHORT_CALL)),
                clock.instant(), Actor.DAEMON, null);
        proposals.insert(proposal, Actor.daemon());
        ApprovalService approvals = new ApprovalService(proposals, new io.tailguard.orders.ProposalChecks(
                new TransmissionGates(TRADING, Map.of()), new OrderStore(ds, clock), new TradingStateStore(ds, clock),
                io.tailguard.orders.MarketHours.exchange(), clock),
                new ApprovalConfig(ApprovalPolicy.MANUAL, Duration.ofHours(4), null), clock);
        assertThat(approvals.approve(id, new Actor("trader", "desk"))).isInstanceOf(ApprovalService.Approved.class);
        BigDecimal cashBefore = gateway.account().cash();

        execute(proposal, services, clock, approvals);
        assertThat(proposals.find(id).orElseThrow().state()).isEqualTo(ProposalState.DONE);

        // the order loop's pass after the DONE hands the proposal to the ledger: the week's cycle opens and its
        // fills are booked
        services.handover().run();
        HedgeCycleLedger ledger = services.ledger();
        String cycleId = "W" + EXPIRY;
        assertThat(ledger.cycle(cycleId).sharesStart()).isEqualByComparingTo("4000");
        List<java.time.Instant> fillTimes = services.orders().byProposal(id).stream()
                .flatMap(o -> services.orders().executions(o.orderId()).stream()).map(e -> e.executedAt()).toList();
        assertThat(ledger.entries(cycleId)).filteredOn(e -> e.type() == EntryType.FILL).hasSize(fillTimes.size());
        assertThat(ledger.cycle(cycleId).openedAt()).as("the hedge executed at its last fill")
                .isEqualTo(fillTimes.stream().max(Comparator.naturalOrder()).orElseThrow());

        // the daemon's job wiring on a real Quartz scheduler; the job's lateness rule runs on the wall clock
        // (Quartz fires on it), the booking on the simulated market's clock
        JobCatalog catalog = services.jobCatalog(Clock.systemUTC(), new BrokerJobGate(() -> true, "sim",
                Clock.systemUTC()));
        scheduler = SchedulerService.create(ds, new SchedulerService.Settings("tailguard", NEW_YORK,
                Duration.ofSeconds(1), 2, false, Duration.ofSeconds(1)), new ServiceJobFactory(catalog.suppliers()));
        scheduler.register(catalog.specs(Map.of("expiry-booking", new JobConfig("* * * * * ?", Duration.ofMinutes(5),
                true))));
        scheduler.start();
        JobRunLog runs = new JobRunLog(ds);
        Await.until("a run before the expiry that books nothing", WAIT, () -> runs.runsOf("expiry-booking").stream()
                .anyMatch(r -> r.outcome() == JobOutcome.SKIPPED && r.detail().equals("no hedge cycle past its expiry")));
        assertThat(ledger.cycle(cycleId).isOpen()).isTrue();

        // the week passes; the gateway settles after Friday's close
        clock.setTo(ny(EXPIRY, 16, 40));
        Await.until("the gateway settled the options", WAIT,
                () -> gateway.account().positions().stream().noneMatch(p -> p.contract().isOption()));
        Await.until("the job closed the cycle", WAIT, () -> !ledger.cycle(cycleId).isOpen());

        HedgeCycle cycle = ledger.cycle(cycleId);
        List<LedgerEntry> entries = ledger.entries(cycleId);
        double xspClose = closeOf(Underlying.XSP);
        double uproClose = closeOf(Underlying.UPRO);
        assertThat(uproClose).as("the scenario's Friday close").isEqualTo(73.06);
        assertThat(cycle.priceEnd()).isEqualByComparingTo(BigDecimal.valueOf(uproClose));
        assertThat(cycle.sharesEnd()).as("500 shares called away").isEqualByComparingTo(uproAtBroker())
                .isEqualByComparingTo("3500");

        LedgerEntry settlement = only(entries, EntryType.CASH_SETTLEMENT);
        assertThat(settlement.instrument()).isEqualTo(Instrument.of(put));
        assertThat(settlement.amount()).isEqualByComparingTo(put.strike().subtract(BigDecimal.valueOf(xspClose))
                .max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(1000)));
        assertThat(settlement.amount()).as("the put ended in the money").isPositive();
        LedgerEntry assignment = only(entries, EntryType.ASSIGNMENT);
        assertThat(assignment.instrument()).isEqualTo(Instrument.of(callItm));
        assertThat(assignment.quantity()).isEqualByComparingTo("5");
        assertThat(only(entries, EntryType.ASSIGNED_SHARES).amount())
                .isEqualByComparingTo(callItm.strike().multiply(BigDecimal.valueOf(500)));
        assertThat(only(entries, EntryType.EXPIRY).instrument()).isEqualTo(Instrument.of(callOtm));

        // every entry but the opening position is a cash movement of the account: the same money, to the cent
        BigDecimal ledgerCash = entries.stream().filter(e -> e.type() != EntryType.POSITION_AT_START)
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cents(ledgerCash)).isEqualTo(cents(gateway.account().cash().subtract(cashBefore)));
        assertThat(entries).filteredOn(e -> e.type() == EntryType.COMMISSION).hasSizeGreaterThanOrEqualTo(3);
        // net = cash of all entries + value held, and = the sum of the buckets
        BigDecimal allCash = entries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var pnl = ledger.result(cycleId);
        assertThat(pnl.net()).isEqualByComparingTo(allCash.add(cycle.sharesEnd().multiply(cycle.priceEnd())));
        assertThat(pnl.net()).isEqualByComparingTo(pnl.underlying().add(pnl.puts()).add(pnl.calls())
                .add(pnl.commissions()));
        System.out.printf("cycle %s: net %s, cash of the entries after the start %s = account cash change %s%n",
                cycleId, cents(pnl.net()), cents(ledgerCash), cents(gateway.account().cash().subtract(cashBefore)));
        assertThat(runs.runsOf("expiry-booking")).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(JobOutcome.COMPLETED);
            assertThat(r.detail()).contains("closed [" + cycleId + "]");
        });
    }

    /** config/tailguard.yaml (broker and database are this test's own) and the shipped strategy beside it. */
    private Path installation() throws java.io.IOException {
        Path config = dir.resolve("config/tailguard.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "broker:\n  mode: tws\n  port: " + gateway.port() + "\n  clientId: 41\n"
                + "database:\n  url: jdbc:h2:mem:unused\n");
        Files.createDirectories(dir.resolve("strategies"));
        Files.copy(WeeklyHedgeStrategy.DEFAULT_FILE, dir.resolve(WeeklyHedgeStrategy.DEFAULT_FILE));
        return config;
    }

    private static final TradingConfig TRADING = new TradingConfig(TradingMode.PAPER, false,
            new RiskLimitsConfig(100, new BigDecimal("50000"), new BigDecimal("5000000"), Duration.ofMinutes(5)));

    /**
     * Works the approved proposal through the order service, which tells the daemon's hand-over of its DONE, until
     * every leg is final and its commissions known.
     */
    private void execute(Proposal proposal, DaemonServices services, SimClock clock, ApprovalService approvals) {
        ProposalStore proposals = services.proposals();
        OrderStore orders = services.orders();
        OrderWorkingConfig working = OrderWorkingConfig.defaults();
        OrderExecutionService service = new OrderExecutionService(proposals, orders,
                new TradingStateStore(db.dataSource(), clock), approvals, broker, new BrokerMarketView(broker),
                new TransmissionGates(TRADING, Map.of()), working, clock, Checkpoint.NONE, services.handover());
        service.start();
        try {
            for (int round = 0; round < 12 && !allFinal(proposal, orders); round++) {
                if (round > 0) {
                    clock.advance(working.repriceWait());
                }
                service.poll();
                waitForBroker(proposal, orders);
            }
            Await.until("every leg filled with its commissions", WAIT, () -> proposal.legs().stream().allMatch(
                    l -> orders.byLeg(l.legId()).map(o -> o.state().isFinal()
                            && o.filledQty().compareTo(BigDecimal.valueOf(l.quantity())) == 0
                            && orders.executions(o.orderId()).stream().allMatch(e -> e.commission() != null))
                            .orElse(false)));
            Await.until("the proposal DONE", WAIT,
                    () -> proposals.find(proposal.id()).orElseThrow().state() == ProposalState.DONE);
        } finally {
            service.stop();
        }
    }

    /** After a pass, the broker works each open order at its stored limit (or the order is final). */
    private void waitForBroker(Proposal proposal, OrderStore orders) {
        Await.until("the broker works the stored limits", WAIT, () -> {
            var open = broker.openOrders();
            for (ProposalLeg leg : proposal.legs()) {
                var order = orders.byLeg(leg.legId());
                if (order.isEmpty() || order.get().state().isFinal()) {
                    continue;
                }
                boolean atLimit = open.stream().anyMatch(r -> r.orderRef().equals(leg.legId())
                        && r.limitPrice().compareTo(order.get().limitPrice()) == 0);
                if (!atLimit && open.stream().anyMatch(r -> r.orderRef().equals(leg.legId()))) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean allFinal(Proposal proposal, OrderStore orders) {
        return proposal.legs().stream().allMatch(l -> orders.byLeg(l.legId()).map(o -> o.state().isFinal())
                .orElse(false));
    }

    /** A leg priced from the gateway's quote: limit at the mid, worst a little past the natural side. */
    private ProposalLeg leg(String legId, Contract c, OrderSide side, int qty, LegIntent intent) {
        Quote q = broker.snapshot(c);
        BigDecimal mid = nickel(q.mid(), RoundingMode.HALF_UP);
        if (side == OrderSide.BUY) {
            BigDecimal worst = nickel(q.ask() + 0.20, RoundingMode.UP);
            return new ProposalLeg(legId, c, side, qty, mid, worst, new PriceBounds(BigDecimal.ZERO, worst), intent);
        }
        BigDecimal worst = nickel(Math.max(0.05, q.bid() - 0.20), RoundingMode.DOWN).max(new BigDecimal("0.05"));
        return new ProposalLeg(legId, c, side, qty, mid, worst, new PriceBounds(worst, new BigDecimal("1000")), intent);
    }

    private static BigDecimal nickel(double price, RoundingMode mode) {
        return BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(20)).setScale(0, mode)
                .divide(BigDecimal.valueOf(20)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The listed series of the expiry nearest the wanted strike. */
    private static Contract listed(ModelMarket market, String symbol, OptionRight right, BigDecimal strike) {
        return market.contractDetails(ContractQuery.options(symbol, symbol, EXPIRY)).stream()
                .map(ContractDetails::contract).filter(c -> c.right() == right)
                .min(Comparator.comparing(c -> c.strike().subtract(strike).abs())).orElseThrow();
    }

    /**
     * The close of the expiry date as our client reads the gateway's daily bar (8 bars: the job asked for
     * 5, and the gateway refuses an identical request within 15 s as IB does).
     */
    private double closeOf(Underlying u) {
        Contract c = u == Underlying.XSP ? Contract.index("XSP", "CBOE") : Contract.stock("UPRO");
        return broker.dailyBars(broker.qualify(c).contract(), 8).stream().filter(b -> b.date().equals(EXPIRY))
                .findFirst().orElseThrow().close();
    }

    private BigDecimal uproAtBroker() {
        return broker.positions().stream().filter(p -> !p.contract().isOption() && p.contract().symbol().equals("UPRO"))
                .map(Position::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LedgerEntry only(List<LedgerEntry> entries, EntryType type) {
        List<LedgerEntry> of = entries.stream().filter(e -> e.type() == type).toList();
        assertThat(of).as(type.toString()).hasSize(1);
        return of.get(0);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static java.time.Instant ny(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(NEW_YORK).toInstant();
    }
}
