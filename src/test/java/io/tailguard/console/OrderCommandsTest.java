package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.orders.ApprovalConfig;
import io.tailguard.orders.TradingConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.Checkpoint;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.MarketHours;
import io.tailguard.orders.OrderEnd;
import io.tailguard.orders.OrderExecutionService;
import io.tailguard.orders.OrderWorkingConfig;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.orders.ProposalEventType;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.TradingState;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.orders.store.TradingStateStore;
import io.tailguard.testing.FakeOrderRoute;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The order commands from "a second terminal", in process: a temp config pointing at a temp H2 file database
 * and the embedded simulated gateway (sim mode, on the wall clock) or a simulated gateway of the test's.
 */
class OrderCommandsTest {
    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("t.yaml");
        Files.writeString(config, "broker:\n  mode: sim\n  port: 0\n  clientId: 1\ndatabase:\n  url: "
                + TestDatabases.fileUrl(dir.resolve("db")) + "\n");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = TailguardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    /** The README's example on the embedded simulated gateway: the first listed expiry after today. */
    private String propose() {
        return propose("--buy", "2", "XSP", "next", "580", "P", "--limit", "1.25", "--worst", "1.40");
    }

    private String propose(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "propose";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(run(all)).as(err.toString()).isZero();
        Matcher m = Pattern.compile("proposed (P\\S+):").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    private <T> T withDatabase(Function<Database, T> f) {
        try (Database db = TestDatabases.file(dir.resolve("db"))) {
            return f.apply(db);
        }
    }

    private Proposal stored(String id) {
        return withDatabase(db -> new ProposalStore(db.dataSource(), Clock.systemUTC()).find(id).orElseThrow());
    }

    private List<ProposalStore.Event> events(String id) {
        return withDatabase(db -> new ProposalStore(db.dataSource(), Clock.systemUTC()).events(id));
    }

    @Test
    void proposeQualifiesTheContractThenListShowAndApproveRecordTheUserHostAndTime() {
        String id = propose();
        assertThat(id).matches("P-\\d{8}-\\d{6}-[0-9a-f]{3}");
        assertThat(stored(id).legs().get(0).contract().conId()).as("the broker's contract").isPositive();
        assertThat(out.toString()).containsPattern("(?m)^market     (open until|closed now; opens) ");
        assertThat(run("proposals")).isZero();
        assertThat(out.toString()).contains(id).contains("PROPOSED").contains("BUY 2 XSP ").contains(" 580 P LMT 1.25");
        assertThat(run("proposal", id, "--no-quotes")).isZero();
        assertThat(out.toString()).contains("limit 1.25").contains("worst 1.4").contains("quotes     not fetched")
                .contains("premium    at most 280").contains("BUY_PROTECTION")
                .containsPattern("(?m)^check +L1 +max-contracts +ok$")
                .containsPattern("(?m)^check +all legs +weekly-premium +ok$");

        assertThat(run("approve", id)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("approved " + id).containsPattern("(?m)^check +L1 +trading-state +ok$")
                .containsPattern("(?m)^market     ");
        Proposal p = stored(id);
        assertThat(p.state()).isEqualTo(ProposalState.APPROVED);
        assertThat(p.approvalExpiresAt()).isNotNull();
        ProposalStore.Event approval = events(id).get(events(id).size() - 1);
        assertThat(approval.type()).isEqualTo(ProposalEventType.APPROVED);
        assertThat(approval.actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(approval.host()).isNotBlank();
        assertThat(approval.occurredAt()).isNotNull();

        assertThat(run("approve", id)).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("is APPROVED");
    }

    @Test
    void proposeRefusesAContractTheBrokerDoesNotListAndStoresNothing() {
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "P", "--limit", "1.25", "--worst", "1.40"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("expiry 2026-11-27 has passed").contains("nothing was stored");
        assertThat(run("propose", "--buy", "2", "FOO", "next", "580", "P", "--limit", "1.25", "--worst", "1.40"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown symbol FOO");
        assertThat(run("propose", "--buy", "2", "XSP", "next", "580.3", "P", "--limit", "1.25", "--worst", "1.40"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("strike 580.3 is not listed").contains("nearest listed strikes: 580, ");
        assertThat(run("proposals", "--all")).isZero();
        assertThat(out.toString()).contains("no proposals");
    }

    @Test
    void proposeRefusesAProposalOverTheRiskLimits() {
        assertThat(run("propose", "--buy", "1000", "XSP", "next", "580", "P", "--limit", "1.25", "--worst", "1.40"))
                .isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("refused by the risk limits")
                .contains("max-contracts: 1000 contracts exceed maxContractsPerOrder 50")
                .contains("max-notional: notional").contains("weekly-premium: premium this week would be 140000")
                .contains("nothing was stored");
    }

    /** A proposal the limits deny, as a strategy could store it (propose refuses one). */
    private String storeDenied(int contracts) {
        String id = "H-denied-" + contracts;
        withDatabase(db -> {
            db.migrate();
            ProposalLeg leg = new ProposalLeg(id + "-L1", FakeSimPut.PUT_580, OrderSide.BUY, contracts,
                    new BigDecimal("1.25"), new BigDecimal("1.40"), new PriceBounds(BigDecimal.ZERO, new BigDecimal("1.40")),
                    LegIntent.BUY_PROTECTION);
            new ProposalStore(db.dataSource(), Clock.systemUTC()).insert(new Proposal(id, ProposalState.PROPOSED,
                    "weekly-hedge", "over the limits", Map.of(), List.of(leg), Instant.now(), "daemon", null),
                    Actor.daemon());
            return null;
        });
        return id;
    }

    private static final class FakeSimPut {
        static final io.tailguard.domain.Contract PUT_580 = io.tailguard.domain.Contract.option("XSP",
                FakeSimMarket.EXPIRY_2, new BigDecimal("580"), OptionRight.PUT, "XSP", 100);
    }

    @Test
    void approveShowsTheChecksAndRefusesWhatTheyDeny() {
        String id = storeDenied(1000);
        assertThat(run("approve", id)).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("cannot be approved").contains("max-contracts: 1000 contracts exceed");
        assertThat(out.toString()).containsPattern("(?m)^check +L1 +max-contracts +DENIED 1000 contracts exceed")
                .containsPattern("(?m)^check +L1 +max-notional +DENIED notional 58000000")
                .containsPattern("(?m)^check +all legs +weekly-premium +DENIED premium this week would be 140000");
        assertThat(stored(id).state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void approveIsRefusedWhileTradingIsHalted() {
        String id = storeDenied(1);
        assertThat(run("halt", "--reason", "FOMC")).isZero();
        assertThat(run("approve", id)).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("trading-state: trading is HALTED");
        assertThat(run("resume")).isZero();
        assertThat(run("approve", id)).as(err.toString()).isZero();
    }

    /** Points the config at a broker in tws mode: our client connects to {@code port} on loopback. */
    private void brokerAt(int port) throws IOException {
        Files.writeString(config, "broker:\n  mode: tws\n  host: 127.0.0.1\n  port: " + port + "\n  clientId: 1\n"
                + "database:\n  url: " + TestDatabases.fileUrl(dir.resolve("db")) + "\n");
    }

    private String quoteLine(String id) {
        Matcher m = Pattern.compile("(?m)^quote\\s+" + Pattern.quote(id + "-L1") + "\\s+(.*)$").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    @Test
    void aProposalShowsEachLegsCurrentQuoteAndWhetherTheGatesWouldRefuseItNow() throws IOException {
        FakeSimMarket market = new FakeSimMarket();
        long put = market.optionConId(FakeSimMarket.EXPIRY_1, new BigDecimal("580"), OptionRight.PUT);
        try (SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), market).start()) {
            brokerAt(gateway.port());
            // the fake market lists 2026-11-27 whatever the date: the broker's listing decides
            String id = propose("--buy", "2", "XSP", "2026-11-27", "580", "P", "--limit", "1.25", "--worst", "1.40");

            market.setQuote(put, 1.20, 1.30, 1.25);
            assertThat(run("proposal", id)).as(err.toString()).isZero();
            assertThat(quoteLine(id)).startsWith("bid 1.20  ask 1.30  mid 1.25  age ")
                    .satisfiesAnyOf(l -> assertThat(l).endsWith("gates: ok now"),
                            l -> assertThat(l).contains("quote and bounds ok; market-hours: closed, held until "));

            market.setQuote(put, 1.95, 2.05, 2.00);
            assertThat(run("proposal", id)).as(err.toString()).isZero();
            assertThat(quoteLine(id)).startsWith("bid 1.95  ask 2.05  mid 2.00")
                    .contains("gates would refuse it now: price-bounds: market mid 2 is outside the bounds 0..1.4");

            market.setQuote(put, 1.30, 1.20, 1.25);
            assertThat(run("proposal", id)).as(err.toString()).isZero();
            assertThat(quoteLine(id)).contains("gates would refuse it now: quote: crossed quote: bid 1.3 > ask 1.2");
            assertThat(out.toString()).contains("premium    at most 280").contains("event");
        }
    }

    @Test
    void withoutABrokerProposeStoresNothingAndAProposalIsShownWithoutQuotes() throws IOException {
        String id = propose();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        brokerAt(closedPort);

        assertThat(run("propose", "--buy", "2", "XSP", "next", "580", "P", "--limit", "1.25", "--worst", "1.40"))
                .isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("cannot check the contract with the broker").contains("nothing was stored");

        assertThat(run("proposal", id, "--quote-timeout", "PT2S")).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).containsPattern("(?m)^quotes     unavailable: .+")
                .contains("limit 1.25").contains("premium    at most 280").contains("check").contains("event");
        assertThat(text.lines().filter(l -> l.startsWith("quote")).count()).isEqualTo(1);
    }

    @Test
    void rejectNeedsAReasonAndStoresIt() {
        String id = propose();
        assertThat(run("reject", id)).isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(run("reject", id, "--reason", "strike too close")).isZero();
        assertThat(stored(id).state()).isEqualTo(ProposalState.REJECTED);
        assertThat(events(id).get(events(id).size() - 1).detail()).contains("strike too close");
        assertThat(run("approve", id)).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(run("proposals")).isZero();
        assertThat(out.toString()).doesNotContain(id);
    }

    @Test
    void anApprovedProposalIsNotRejectedButCancelledAndNeverSent() {
        String id = propose();
        assertThat(run("approve", id)).isZero();
        assertThat(run("reject", id, "--reason", "changed my mind")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("is APPROVED and cannot be rejected").contains("tailguard cancel " + id);
        assertThat(run("cancel", id)).isEqualTo(TailguardCommand.USAGE_ERROR);

        assertThat(run("cancel", id, "--reason", "changed my mind")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("cancelled " + id + ": nothing had been sent");
        assertThat(stored(id).state()).isEqualTo(ProposalState.CANCELLED);
        ProposalStore.Event cancelled = events(id).get(events(id).size() - 1);
        assertThat(cancelled.actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(cancelled.detail()).contains("changed my mind");
        assertThat(run("proposal", id, "--no-quotes")).isZero();
        assertThat(out.toString()).contains("CANCELLED").containsPattern("(?m)^cancel     requested by .+: changed my mind");

        // the daemon never sends it
        FakeOrderRoute broker = daemonPoll(id, Clock.systemUTC());
        assertThat(broker.newOrdersFor(id + "-L1")).isZero();
        assertThat(run("cancel", id, "--reason", "again")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("is CANCELLED: nothing is working");
    }

    @Test
    void aWorkingProposalIsCancelledThroughTheDaemonsOrderLoopAndRecordsWhoAndWhy() {
        String id = propose();
        assertThat(run("approve", id)).isZero();
        MutableClock clock = new MutableClock(workFrom(id).plusSeconds(60));
        withDatabase(db -> {
            Daemon d = new Daemon(db, clock);
            d.poll();
            assertThat(d.broker.newOrdersFor(id + "-L1")).isEqualTo(1);
            assertThat(d.proposals.find(id).orElseThrow().state()).isEqualTo(ProposalState.SUBMITTED);

            assertThat(run("cancel", id, "--reason", "FOMC")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("cancel of " + id + " requested");
            d.poll();
            d.broker.deliver();
            d.poll();
            BrokerOrder o = d.orders.byLeg(id + "-L1").orElseThrow();
            assertThat(o.endReason()).isEqualTo(OrderEnd.CANCELLED_BY_TRADER);
            assertThat(o.endDetail()).contains(System.getProperty("user.name") + "@").contains("FOMC");
            assertThat(d.proposals.find(id).orElseThrow().state()).isEqualTo(ProposalState.CANCELLED);
            assertThat(d.broker.newOrdersFor(id + "-L1")).isEqualTo(1);
            return null;
        });
        assertThat(run("proposal", id, "--no-quotes")).isZero();
        assertThat(out.toString()).contains("ended: cancelled by the trader: by ").contains("FOMC");
    }

    @Test
    void unknownProposalIsExitOne() {
        assertThat(run("approve", "P-nope")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("no proposal P-nope");
        assertThat(run("proposal", "P-nope")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(run("cancel", "P-nope", "--reason", "x")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
    }

    @Test
    void badLegIsAUsageErrorNamingTheField() {
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "X", "--limit", "1", "--worst", "1.1"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("right must be P or C");
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "P", "--limit", "1.5", "--worst", "1.4"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("wrong side of the limit");
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "abc", "P", "--limit", "1", "--worst", "1.1"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("STRIKE must be a number, was 'abc'");
        assertThat(run("propose", "--buy", "2", "XSP", "tomorrow", "580", "P", "--limit", "1", "--worst", "1.1"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("EXPIRY must be a date (YYYY-MM-DD) or next, was 'tomorrow'");
    }

    @Test
    void haltAndResumeChangeThePersistedTradingState() {
        assertThat(run("halt", "--reason", "FOMC")).isZero();
        TradingStateStore.Current halted = withDatabase(db -> new TradingStateStore(db.dataSource(),
                Clock.systemUTC()).current());
        assertThat(halted.state()).isEqualTo(TradingState.HALTED);
        assertThat(halted.reason()).isEqualTo("FOMC");
        assertThat(halted.changedBy()).startsWith(System.getProperty("user.name") + "@");
        assertThat(run("halt", "--reducing", "--reason", "hedges only")).isZero();
        assertThat(run("resume")).isZero();
        assertThat(out.toString()).contains("REDUCING -> ACTIVE");
        TradingState after = withDatabase(db -> new TradingStateStore(db.dataSource(), Clock.systemUTC()).current()
                .state());
        assertThat(after).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void everyOrderCommandHasHelpWithExamples() {
        for (String c : new String[] {"proposals", "proposal", "propose", "approve", "reject", "cancel", "halt",
            "resume"}) {
            assertThat(run(c, "--help")).as(c).isZero();
            assertThat(out.toString()).as(c).contains("Usage:").contains("Examples:");
        }
    }

    @Test
    void anApprovalFromTheConsoleIsPickedUpByTheDaemonThroughTheSharedDatabase() {
        String id = propose();
        assertThat(run("approve", id)).isZero();
        // the daemon's clock a minute into the session the approval is valid for (now, or the next open)
        daemonPoll(id, Clock.fixed(workFrom(id).plusSeconds(60), java.time.ZoneOffset.UTC));
        assertThat(stored(id).state()).isEqualTo(ProposalState.SUBMITTED);
        assertThat(run("proposal", id)).isZero();
        assertThat(out.toString()).contains("SUBMITTED").contains("order ").contains("limit 1.2");
    }

    /** When the daemon works the approved proposal: now, or the next open (what the approval was valid from). */
    private Instant workFrom(String id) {
        Proposal p = stored(id);
        return p.approvalExpiresAt().minus(new ApprovalConfig(null, null, null).expiry());
    }

    private FakeOrderRoute daemonPoll(String id, Clock clock) {
        return withDatabase(db -> {
            Daemon d = new Daemon(db, clock);
            d.poll();
            return d.broker;
        });
    }

    /** The daemon's order service on the shared database, with a fake broker quoting the leg at 1.19/1.21. */
    private final class Daemon {
        final ProposalStore proposals;
        final OrderStore orders;
        final FakeOrderRoute broker;
        final OrderExecutionService service;

        Daemon(Database db, Clock clock) {
            proposals = new ProposalStore(db.dataSource(), clock);
            orders = new OrderStore(db.dataSource(), clock);
            broker = new FakeOrderRoute(clock, "DU1234567", 1);
            TradingStateStore state = new TradingStateStore(db.dataSource(), clock);
            for (Proposal p : proposals.inStates(ProposalState.values())) {
                broker.quote(p.legs().get(0).contract(), 1.19, 1.21);
            }
            TransmissionGates gates = new TransmissionGates(new TradingConfig(null, null, null), Map.of());
            ApprovalService approvals = new ApprovalService(proposals, new ProposalChecks(gates, orders, state,
                    MarketHours.exchange(), clock), new ApprovalConfig(null, null, null), clock);
            service = new OrderExecutionService(proposals, orders, state, approvals, broker, broker, gates,
                    OrderWorkingConfig.defaults(), clock, Checkpoint.NONE);
            service.start();
        }

        void poll() {
            service.poll();
        }
    }
}
