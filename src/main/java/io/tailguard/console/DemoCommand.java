package io.tailguard.console;

import io.tailguard.app.Installation;
import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.broker.BrokerMode;
import io.tailguard.orders.ApprovalConfig;
import io.tailguard.orders.ApprovalPolicy;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Scenarios;
import io.tailguard.broker.sim.market.Settlement;
import io.tailguard.broker.sim.market.Underlying;
import io.tailguard.broker.sim.market.VolOverride;
import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.LossMeasure;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.report.PayoutChart;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.store.Database;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import io.tailguard.console.DemoExecution.Fill;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tailguard demo}: the reference bad week on the embedded simulated gateway with a manual clock —
 * roll on the Friday close, proposal, auto-approval, execution through the order loop and our client against
 * the gateway's order matching, the week's path, expiry and settlement, hedged vs unhedged P&amp;L from the
 * actual fills and commissions. The week runs in a database of its own (its proposal and orders never reach
 * the configured database, whose daemon would work them); only its closed hedge cycle is copied into the
 * configured ledger, flagged demo, so that {@code tailguard pnl} shows it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A week of the weekly XSP hedge on the embedded simulated gateway: the reference bad week "
                + "(UPRO 79.79 -> 73.06). The week's closed hedge cycle is copied into the configured ledger as "
                + "DEMO cycle demo-W<expiry> (once per week: a second run keeps the first copy); `tailguard pnl` "
                + "shows it until your first real cycle and never counts it in your totals.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard demo", "  tailguard pnl",
            "  tailguard pnl --cycle demo-W2026-12-04"})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--iv", defaultValue = "0.11", description = "XSP ATM implied vol of the week (default ${DEFAULT-VALUE}).")
    double iv;

    @Option(names = "--tolerance", defaultValue = "0.035",
            description = "Loss tolerance as a fraction of the UPRO position for the demo (default ${DEFAULT-VALUE}; "
                    + "the simulated chain's skew and spread make the strategy's 0.027 infeasible at most vols).")
    double tolerance;

    @Option(names = "--monday", defaultValue = "2026-11-30", description = "Monday of the bad week (default ${DEFAULT-VALUE}).")
    LocalDate monday;

    @Option(names = "--paths", defaultValue = "50000")
    int paths;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the charts go (default: the configured "
            + "paths.reportsDir, where `tailguard pnl` writes).")
    Path out;

    @Override
    public Integer call() {
        try (Installation installation = Installation.open(root.configFile(), Clock.systemUTC())) {
            return run(installation, out != null ? out : installation.config().paths().reportsDir());
        }
    }

    private Integer run(Installation installation, Path out) {
        PrintWriter o = spec.commandLine().getOut();
        ExchangeCalendar calendar = ExchangeCalendar.nyse();
        WeeklyHedgeConfig base = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.fileFor(installation.configFile()));
        WeeklyHedgeConfig strategy = base.withSimulation(base.simulation().withPaths(paths))
                .withLossTolerance(new WeeklyHedgeConfig.LossTolerance(tolerance, LossMeasure.P5))
                .withRiskAssessment(new WeeklyHedgeConfig.RiskAssessment(WeeklyHedgeConfig.RiskSource.CONFIGURED,
                        WeeklyHedgeConfig.HoldFallback.HOLD));
        MarketModelConfig marketConfig = Scenarios.referenceBadWeekConfig(
                MarketModelConfig.defaults().withClock(ClockMode.MANUAL, 1.0), monday);
        ModelMarket market = ModelMarket.create(marketConfig);
        Scenarios.applyReferenceBadWeek(market, monday);
        market.setVolOverride(VolOverride.fixed(iv));
        LocalDate friday = calendar.previousTradingDay(monday);
        o.printf("== tailguard demo: the reference bad week on the embedded simulated gateway ==%n");
        o.printf("clock: manual sim clock at %s (New York), XSP ATM IV fixed at %.1f%%%n",
                market.now().atZone(ExchangeCalendar.NEW_YORK).toLocalDateTime(), iv * 100);
        o.printf("ledger: the week runs in a database of its own; only its closed hedge cycle is copied, flagged "
                + "DEMO, to %s%n", installation.config().database().url());
        if (installation.config().broker().mode() != BrokerMode.SIM) {
            o.printf("broker: the configured broker (%s) is not used: the demo runs on its own embedded simulated "
                    + "gateway, and its cycle stays out of your figures%n", installation.config().broker().mode());
        }
        try (SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), market).start();
                IbkrBroker broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 31, 1, 45, 90,
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                        market.clock());
                Database db = Database.open("jdbc:h2:mem:tailguard-demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "sa", "", 2)) {
            broker.connect();
            db.migrate();
            ProposalStore proposals = new ProposalStore(db.dataSource(), market.clock());
            WeeklyHedgeRollService service = new WeeklyHedgeRollService(market.clock(), broker, SignalsReader.none(WeeklyHedgeStrategy.regimeRule(installation.configFile())),
                    p -> proposals.insert(p, Actor.daemon()), calendar, strategy);

            o.printf("%n-- 1. roll: analysis on the close of %s, execution %s --%n", friday, monday);
            RollAnalysis analysis = service.roll(friday, monday, true);
            o.print(analysis.report());
            if (analysis.proposal().isEmpty() || !(analysis.optimization().orElseThrow().decision()
                    instanceof HedgeDecision.Chosen)) {
                o.println("no hedge proposed this week; try a lower --iv or a wider --tolerance");
                return TailguardCommand.OK;
            }
            Proposal p = analysis.proposal().get();
            o.printf("%n-- 2. proposal %s stored (PROPOSED) --%n", p.id());
            p.legs().forEach(l -> o.printf("  %s  [%s]%n", l.describe(), l.intent()));

            ApprovalService approvals = DemoExecution.approvals(proposals, db, market.clock(),
                    new ApprovalConfig(ApprovalPolicy.AUTO_WITHIN_LIMITS, Duration.ofHours(4), new BigDecimal("20000")));
            o.printf("%n-- 3. approval (demo policy: auto-within-limits, autoMaxPremiumUsd 20000) --%n");
            o.printf("  verdict: %s%n", approvals.autoApprovable(p).describe());
            o.printf("  auto-approved: %d; state now %s%n", approvals.autoApprove(Actor.autoApproval()),
                    proposals.find(p.id()).orElseThrow().state());
            o.printf("%n-- 4. execution through the order loop (our client -> the simulated gateway) --%n");
            Map<String, Fill> fills = DemoExecution.execute(p, proposals, db, broker, market.clock(), o);
            java.time.Instant executedAt = market.now();
            double uproAtExecution = market.level(Underlying.UPRO);
            double xspAtExecution = market.level(Underlying.XSP);
            if (fills.isEmpty()) {
                o.printf("  nothing filled; the P&L below assumes fills at the legs' worst prices%n");
            }

            o.printf("%n-- 5. the week --%n");
            double uproFriday = Scenarios.REFERENCE_BAD_WEEK_START;
            double upro0 = market.level(Underlying.UPRO);
            o.printf("  %s close  UPRO %7.2f  (the scenario's anchor)%n", friday, uproFriday);
            o.printf("  %s open   UPRO %7.2f  XSP %8.2f  (execution)%n", monday, upro0, market.level(Underlying.XSP));
            LocalDate day = monday;
            LocalDate expiry = analysis.market().expiry();
            while (!day.isAfter(expiry)) {
                if (calendar.isTradingDay(day)) {
                    market.clock().setTo(calendar.sessionClose(day, io.tailguard.calendar.Venue.INDEX_OPTIONS)
                            .toInstant().plusSeconds(60));
                    o.printf("  %s close  UPRO %7.2f  XSP %8.2f%n", day, market.level(Underlying.UPRO),
                            market.level(Underlying.XSP));
                }
                day = day.plusDays(1);
            }
            market.clock().setTo(expiry.atTime(LocalTime.of(18, 0)).atZone(ExchangeCalendar.NEW_YORK).toInstant());
            double uproT = market.level(Underlying.UPRO);

            o.printf("%n-- 6. expiry %s and settlement --%n", expiry);
            double shares = analysis.shares();
            double hedgePnl = 0;
            for (ProposalLeg l : p.legs()) {
                Fill actual = fills.get(l.legId());
                double qty = actual != null ? actual.quantity() : l.quantity();
                double fill = actual != null ? actual.averagePrice() : l.worstPrice().doubleValue();
                double commission = actual != null ? actual.commissions() : l.quantity() * 0.65;
                double settle = market.settlement(l.contract().conId()).map(Settlement::intrinsicValue).orElse(0.0);
                double sign = l.side() == io.tailguard.domain.OrderSide.BUY ? 1 : -1;
                double legPnl = sign * qty * 100 * (settle - fill) - commission;
                hedgePnl += legPnl;
                o.printf("  %-30s %s %.0f at %.4f, commissions %.2f, settles %.2f: %+,.2f USD%n",
                        l.contract().describe(), actual != null ? "filled" : "assumed", qty, fill, commission, settle,
                        legPnl);
            }
            // the week is measured from Friday's close, as the reference case is (the hedge is bought Monday)
            double unhedged = shares * (uproT - uproFriday);
            double hedged = unhedged + hedgePnl;
            double position = shares * uproFriday;
            double portfolio = position / strategy.commitment();
            o.printf("  UPRO %.2f (Friday close) -> %.2f (%+.1f%%)%n", uproFriday, uproT, (uproT / uproFriday - 1) * 100);
            o.printf("  unhedged: %+,.0f USD = %+.2f%% of the position, %+.2f%% of a portfolio with %.0f%% in UPRO%n",
                    unhedged, unhedged / position * 100, unhedged / portfolio * 100, strategy.commitment() * 100);
            o.printf("  hedged:   %+,.0f USD = %+.2f%% of the position, %+.2f%% of that portfolio%n", hedged,
                    hedged / position * 100, hedged / portfolio * 100);
            if (!fills.isEmpty()) {
                DemoLedger.bookWeek(o, db, market, broker, p, analysis, uproFriday, executedAt,
                        uproAtExecution, xspAtExecution, out, installation);
            }
            // the roll's own chart (its structure, the simulated paths, the loss-tolerance line), titled as the demo
            Path chart = PayoutChart.write(out.resolve("demo-payout-" + expiry + ".png"),
                    PayoutChart.ofRoll(analysis.optimization().get(), analysis.tolerance().get(), expiry, true,
                            strategy.underlying().leverage())
                            .withTitle("Demo: weekly XSP hedge to " + expiry + " (reference bad week)"));
            o.printf("%npayout chart: %s%n", chart);
            o.flush();
        }
        return TailguardCommand.OK;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
