package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Quote;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.OrderState;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.calendar.Venue;
import io.tailguard.store.AuditLog;
import io.tailguard.testing.Await;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on a replay clock ({@code sim.clock}) in the evening: its simulated market is in Monday's session
 * while the wall clock says 20:13 New York, and an approved order fills, because the order loop, the gates and
 * the market all run on the one market clock. On the wall clock (before sim.clock) the market was closed then
 * and the order could never fill.
 */
class DaemonReplayClockTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Thursday 2026-12-03, 20:13 New York: the exchange is closed. */
    private static final Instant EVENING = Instant.parse("2026-12-04T01:13:00Z");

    @TempDir
    Path dir;

    private Path writeConfig(String simSection) throws IOException {
        Path config = dir.resolve("tailguard.yaml");
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
                %s
                """.formatted(TestDatabases.fileUrl(dir), dir.resolve("data"), simSection));
        return config;
    }

    @Test
    void aDaemonOnAReplayClockFillsAnApprovedOrderWhileTheWallClockSaysEvening() throws Exception {
        Path file = writeConfig("sim:\n  clock: 2026-11-30T09:30\n  speed: 1\n");
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        Clock wall = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), EVENING)); // ticking, from 20:13
        Clock market = MarketClock.forDaemon(config, wall);
        ExchangeCalendar calendar = ExchangeCalendar.nyse();
        assertThat(calendar.isOpen(wall.instant(), Venue.EQUITIES)).as("the wall clock: evening").isFalse();
        assertThat(calendar.isOpen(market.instant(), Venue.INDEX_OPTIONS)).as("the market: Monday 09:30").isTrue();

        try (Daemon daemon = Daemon.start(file, config, wall, market)) {
            PublishedGateway gateway = new SimGatewayRegistry(daemon.database().dataSource())
                    .live(AuditLog.localHostName(), wall.instant()).orElseThrow();
            assertThat(gateway.replay()).as("the daemon publishes its clock").isEqualTo(MarketClock.anchorOf(market));

            Contract put = PublishedGatewayFixture.atTheMoneyPut(gateway, market);
            Quote quote = PublishedGatewayFixture.snapshot(gateway, market, put);
            BigDecimal worst = BigDecimal.valueOf(quote.ask()).add(new BigDecimal("0.50")).setScale(2,
                    RoundingMode.HALF_UP);
            ProposalStore proposals = new ProposalStore(daemon.database().dataSource(), market);
            ProposalLeg leg = new ProposalLeg("R1-L1", put, OrderSide.BUY, 1,
                    BigDecimal.valueOf(quote.mid()).setScale(2, RoundingMode.HALF_UP), worst,
                    new PriceBounds(BigDecimal.ZERO, worst), LegIntent.BUY_PROTECTION);
            Proposal proposal = new Proposal("R1", ProposalState.PROPOSED, "manual", "replay test", Map.of(),
                    List.of(leg), market.instant(), "tester", null);
            proposals.insert(proposal, new Actor("tester", "test"));
            assertThat(ApprovalRules.approvals(config, daemon.database().dataSource(), market, Map.of())
                    .approve("R1", new Actor("trader", "test"))).isInstanceOf(ApprovalService.Approved.class);

            OrderStore orders = new OrderStore(daemon.database().dataSource(), market);
            Await.until("the order filled at the replayed session", WAIT, () -> orders.byLeg("R1-L1")
                    .map(BrokerOrder::state).filter(s -> s == OrderState.FILLED).isPresent());
            BrokerOrder filled = orders.byLeg("R1-L1").orElseThrow();
            assertThat(orders.executions(filled.orderId())).hasSize(1);
            assertThat(calendar.isOpen(wall.instant(), Venue.EQUITIES)).as("still evening on the wall").isFalse();
        }
    }

    @Test
    void aConsoleUsesTheDaemonsGatewayOnTheDaemonsClockAndItsOwnMarketOnceTheDaemonHasStopped() throws Exception {
        Path file = writeConfig("sim:\n  clock: 2026-11-30T09:30\n  speed: 60\n");
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        Clock wall = Clock.systemUTC();
        Daemon daemon = Daemon.start(file, config, wall, MarketClock.forDaemon(config, wall));
        int daemonsPort;
        try {
            Clock console = MarketClock.forConsole(config, wall);
            assertThat(MarketClock.anchorOf(console)).as("the console tells the daemon's time").isPresent();
            try (Installation installation = Installation.open(file, wall)) {
                assertThat(MarketClock.anchorOf(installation.clock())).isEqualTo(MarketClock.anchorOf(console));
                assertThat(installation.wallClock()).isSameAs(wall);
            }
            try (BrokerConnection connection = BrokerConnection.open(config, console, 1)) {
                assertThat(connection.market()).isEqualTo(BrokerConnection.Market.DAEMON_GATEWAY);
                assertThat(connection.gateway()).as("no market of its own").isEmpty();
                daemonsPort = connection.ibkr().client().config().port();
                assertThat(connection.describe()).isEqualTo("the daemon's simulated gateway at 127.0.0.1:" + daemonsPort);
            }
            // a command whose clock is not the daemon's (it resolved it before the daemon started) keeps its own
            try (BrokerConnection connection = BrokerConnection.open(config, wall, 1)) {
                assertThat(connection.market()).isEqualTo(BrokerConnection.Market.OWN_GATEWAY);
            }
        } finally {
            daemon.stop();
        }
        Clock console = MarketClock.forConsole(config, wall);
        assertThat(MarketClock.anchorOf(console).orElseThrow().sim()).as("a fresh replay from sim.clock")
                .isEqualTo(Instant.parse("2026-11-30T14:30:00Z"));
        try (BrokerConnection connection = BrokerConnection.open(config, console, 1)) {
            assertThat(connection.market()).isEqualTo(BrokerConnection.Market.OWN_GATEWAY);
            assertThat(connection.gateway().orElseThrow().port()).isNotEqualTo(daemonsPort);
        }
    }
}
