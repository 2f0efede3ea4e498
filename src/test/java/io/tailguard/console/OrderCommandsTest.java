package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.OptionRight;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalState;
import io.tailguard.orders.TradingState;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.store.TradingStateStore;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The order commands from "a second terminal": a temp config pointing at a temp H2 file database. */
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

    private String propose() {
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "P", "--limit", "1.25", "--worst", "1.40"))
                .as(err.toString()).isZero();
        Matcher m = Pattern.compile("proposed (P\\S+):").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    private <T> T withDatabase(java.util.function.Function<Database, T> f) {
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
    void proposeListShowAndApproveRecordTheUserHostAndTime() {
        String id = propose();
        assertThat(run("proposals")).isZero();
        assertThat(out.toString()).contains(id).contains("PROPOSED").contains("BUY 2 XSP 2026-11-27 580 P LMT 1.25");
        assertThat(run("proposal", id, "--no-quotes")).isZero();
        assertThat(out.toString()).contains("limit 1.25").contains("worst 1.4").contains("quotes     not fetched")
                .contains("premium    at most 280").contains("check").contains("BUY_PROTECTION");

        assertThat(run("approve", id)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("approved " + id);
        Proposal p = stored(id);
        assertThat(p.state()).isEqualTo(ProposalState.APPROVED);
        assertThat(p.approvalExpiresAt()).isNotNull();
        ProposalStore.Event approval = events(id).get(events(id).size() - 1);
        assertThat(approval.type()).isEqualTo("APPROVED");
        assertThat(approval.actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(approval.host()).isNotBlank();
        assertThat(approval.occurredAt()).isNotNull();

        assertThat(run("approve", id)).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("is APPROVED");
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
        String id = propose(); // BUY 2 XSP 2026-11-27 580 P, limit 1.25, worst 1.40, bounds 0..1.40
        FakeSimMarket market = new FakeSimMarket();
        long put = market.optionConId(FakeSimMarket.EXPIRY_1, new BigDecimal("580"), OptionRight.PUT);
        try (SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), market).start()) {
            brokerAt(gateway.port());

            market.setQuote(put, 1.20, 1.30, 1.25);
            assertThat(run("proposal", id)).as(err.toString()).isZero();
            assertThat(quoteLine(id)).startsWith("bid 1.20  ask 1.30  mid 1.25  age ").endsWith("gates: ok now");

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
    void withoutABrokerTheProposalIsShownWithoutQuotesAndSaysWhy() throws IOException {
        String id = propose();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        brokerAt(closedPort);

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
    void unknownProposalIsExitOne() {
        assertThat(run("approve", "P-nope")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("no proposal P-nope");
        assertThat(run("proposal", "P-nope")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
    }

    @Test
    void badLegIsAUsageError() {
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "X", "--limit", "1", "--worst", "1.1"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("right must be P or C");
        assertThat(run("propose", "--buy", "2", "XSP", "2026-11-27", "580", "P", "--limit", "1.5", "--worst", "1.4"))
                .isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("wrong side of the limit");
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
        for (String c : new String[] {"proposals", "proposal", "propose", "approve", "reject", "halt", "resume"}) {
            assertThat(run(c, "--help")).as(c).isZero();
            assertThat(out.toString()).as(c).contains("Usage:").contains("Examples:");
        }
    }

    @Test
    void anApprovalFromTheConsoleIsPickedUpByTheDaemonThroughTheSharedDatabase() {
        String id = propose();
        assertThat(run("approve", id)).isZero();
        try (Database db = TestDatabases.file(dir.resolve("db"))) {
            Clock clock = Clock.systemUTC();
            var proposals = new ProposalStore(db.dataSource(), clock);
            var orders = new io.tailguard.orders.store.OrderStore(db.dataSource(), clock);
            var broker = new io.tailguard.testing.FakeOrderRoute(clock, "DU1234567", 1);
            broker.quote(proposals.find(id).orElseThrow().legs().get(0).contract(), 1.19, 1.21);
            var service = new io.tailguard.orders.OrderExecutionService(proposals, orders,
                    new TradingStateStore(db.dataSource(), clock), new io.tailguard.orders.ApprovalService(proposals,
                            new io.tailguard.app.config.ApprovalConfig(null, null, null), clock), broker, broker,
                    new io.tailguard.orders.TransmissionGates(new io.tailguard.app.config.TradingConfig(null, null, null),
                            java.util.Map.of()), io.tailguard.orders.OrderWorkingConfig.defaults(), clock,
                    io.tailguard.orders.Checkpoint.NONE);
            service.start();
            service.poll();
            assertThat(broker.newOrdersFor(id + "-L1")).isEqualTo(1);
            assertThat(proposals.find(id).orElseThrow().state()).isEqualTo(ProposalState.SUBMITTED);
        }
        assertThat(run("proposal", id)).isZero();
        assertThat(out.toString()).contains("SUBMITTED").contains("order ").contains("limit 1.2");
    }
}
