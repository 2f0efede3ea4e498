package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Quote;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import io.tailguard.testing.Await;
import io.tailguard.testing.DoneProposals;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's ledger hand-over end to end: an installation ({@code config/} and {@code strategies/} side by side,
 * an H2 file database) whose daemon runs the embedded simulated gateway on a replay of Monday's session. A weekly
 * hedge it executes opens its cycle from its fills; one that was DONE when a daemon died opens its cycle when the
 * next daemon starts, once.
 */
class DaemonLedgerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    /** config/tailguard.yaml on the market's replay clock, and the shipped strategy in strategies/ beside it. */
    private Path installation() throws IOException {
        Path config = home.resolve("config/tailguard.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                broker:
                  mode: sim
                  port: 0
                  clientId: 17
                database:
                  url: %s
                orders:
                  repriceWait: PT1S
                  workingWindow: PT2M
                  pollInterval: PT0.2S
                paths:
                  dataDir: %s
                sim:
                  clock: 2026-11-30T09:30
                """.formatted(TestDatabases.fileUrl(home), home.resolve("data")));
        Files.createDirectories(home.resolve("strategies"));
        Files.copy(WeeklyHedgeStrategy.DEFAULT_FILE, home.resolve(WeeklyHedgeStrategy.DEFAULT_FILE));
        return config;
    }

    private static HedgeCycleLedger ledger(Daemon daemon, Clock market) {
        return LedgerApp.ledger(daemon.database().dataSource(), LedgerConfig.defaults(), market);
    }

    @Test
    void aWeeklyHedgeTheDaemonExecutesOpensItsCycleAtItsLastFillWithEachFillBookedOnce() throws Exception {
        Path file = installation();
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        Clock wall = Clock.systemUTC();
        Clock market = MarketClock.forDaemon(config, wall);
        try (Daemon daemon = Daemon.start(file, config, wall, market)) {
            DataSource ds = daemon.database().dataSource();
            PublishedGateway gateway = new SimGatewayRegistry(ds).live(AuditLog.localHostName(), wall.instant())
                    .orElseThrow();
            Contract put = PublishedGatewayFixture.atTheMoneyPut(gateway, market);
            Quote quote = PublishedGatewayFixture.snapshot(gateway, market, put);
            BigDecimal worst = BigDecimal.valueOf(quote.ask()).add(new BigDecimal("0.50")).setScale(2,
                    RoundingMode.HALF_UP);
            ProposalLeg leg = new ProposalLeg("H1-L1", put, OrderSide.BUY, 3,
                    BigDecimal.valueOf(quote.mid()).setScale(2, RoundingMode.HALF_UP), worst,
                    new PriceBounds(BigDecimal.ZERO, worst), LegIntent.BUY_PROTECTION);
            new ProposalStore(ds, market).insert(new Proposal("H1", ProposalState.PROPOSED, ProposalBuilder.STRATEGY,
                    "the week's hedge", Map.of(), List.of(leg), market.instant(), "daemon", null), Actor.daemon());
            assertThat(ApprovalRules.approvals(config, ds, market, Map.of()).approve("H1", new Actor("trader", "test")))
                    .isInstanceOf(ApprovalService.Approved.class);

            String cycleId = "W" + put.expiry();
            HedgeCycleLedger ledger = ledger(daemon, market);
            Await.until("the week's cycle opened", WAIT, () -> ledger.findCycle(cycleId).isPresent());

            OrderStore orders = new OrderStore(ds, market);
            List<StoredExecution> executions = orders.executions(orders.byLeg("H1-L1").orElseThrow().orderId());
            HedgeCycle cycle = ledger.cycle(cycleId);
            assertThat(cycle.openedAt()).as("the hedge executed at its last fill").isEqualTo(executions.stream()
                    .map(StoredExecution::executedAt).max(Comparator.naturalOrder()).orElseThrow());
            assertThat(cycle.underlying()).isEqualTo("UPRO");
            assertThat(cycle.sharesStart()).as("the simulated account's UPRO").isEqualByComparingTo("4000");
            List<LedgerEntry> fills = ledger.entries(cycleId).stream().filter(e -> e.type() == EntryType.FILL).toList();
            assertThat(fills).extracting(LedgerEntry::sourceRef).containsExactlyInAnyOrderElementsOf(
                    executions.stream().map(StoredExecution::execId).toList());
            assertThat(fills.stream().map(LedgerEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("3");
        }
    }

    @Test
    void aWeeklyHedgeDoneWhenTheDaemonDiedOpensItsCycleOnceWhenTheNextDaemonStarts() throws Exception {
        Path file = installation();
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        Clock wall = Clock.systemUTC();
        Clock market = MarketClock.forDaemon(config, wall);
        // what a daemon killed right after the DONE left behind: the proposal, its orders, fills and commissions
        try (Database db = TestDatabases.file(home)) {
            db.migrate();
            DataSource ds = db.dataSource();
            new DoneProposals(new ProposalStore(ds, market), new OrderStore(ds, market), market).executed("H1");
        }

        List<LedgerEntry> booked;
        try (Daemon daemon = Daemon.start(file, config, wall, market)) {
            // the order loop catches the ledger up as it starts, before the daemon reports itself started
            HedgeCycleLedger ledger = ledger(daemon, market);
            HedgeCycle cycle = ledger.cycle(DoneProposals.CYCLE);
            assertThat(cycle.openedAt()).isEqualTo(DoneProposals.LAST_FILL);
            assertThat(cycle.sharesStart()).isEqualByComparingTo("4000");
            booked = ledger.entries(DoneProposals.CYCLE);
            assertThat(booked).extracting(LedgerEntry::type).containsExactly(EntryType.POSITION_AT_START,
                    EntryType.FILL, EntryType.COMMISSION, EntryType.FILL, EntryType.COMMISSION, EntryType.FILL);
        }
        try (Daemon daemon = Daemon.start(file, config, wall, market)) {
            HedgeCycleLedger ledger = ledger(daemon, market);
            assertThat(ledger.cycles()).hasSize(1);
            assertThat(ledger.entries(DoneProposals.CYCLE)).as("the next start books nothing again").isEqualTo(booked);
        }
    }
}
