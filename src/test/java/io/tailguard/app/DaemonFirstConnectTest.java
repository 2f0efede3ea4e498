package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in {@code tws} mode started while no gateway listens, or while the gateway refuses its client id
 * (326): it runs, records the broker as disconnected where {@code status} reads it, keeps trying, and once the
 * gateway answers it connects and its order loop works the order approved meanwhile. A real simulated gateway
 * over loopback, a real H2 file database, real Quartz.
 */
class DaemonFirstConnectTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Contract PUT_580 = Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);

    @TempDir
    Path dir;

    private Daemon daemon;
    private SimGateway gateway;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void startsWithNoGatewayListeningKeepsTryingAndWorksTheApprovedOrderOnceOneListens() throws Exception {
        int port = freePort();
        TailguardConfig config = start(port);

        Await.until("a refused attempt recorded", WAIT, () -> broker(config).failedAttempts() >= 1);
        StatusReport down = status(config);
        assertThat(down.daemonRunning()).as("the daemon runs without its broker").isTrue();
        DaemonRunStore.BrokerLink link = down.runningDaemons().get(0).broker();
        assertThat(link.isUp()).isFalse();
        assertThat(link.connectedAt()).as("never connected").isNull();
        assertThat(link.port()).isEqualTo(port);
        assertThat(link.lastError()).isNotBlank();

        String leg = proposeAndApprove(config, "P1");

        FakeSimMarket market = FakeSimMarket.atWallClock();
        market.setQuote(market.optionConId(PUT_580.expiry(), PUT_580.strike(), PUT_580.right()), 1.95, 2.05, 2.00);
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(port), market).start();

        Await.until("the approved order at the gateway", WAIT,
                () -> gateway.bookOrders().stream().anyMatch(o -> o.orderRef().equals(leg)));
        Await.until("status saying connected", WAIT, () -> broker(config).isUp());
        DaemonRunStore.BrokerLink up = broker(config);
        assertThat(up.account()).isEqualTo("DU1234567");
        assertThat(up.since()).isEqualTo(up.connectedAt()).isAfter(link.since());
    }

    @Test
    void startsWhileTheGatewayRefusesItsClientIdAndConnectsOnceTheIdIsFree() throws Exception {
        FakeSimMarket market = FakeSimMarket.atWallClock();
        market.setQuote(market.optionConId(PUT_580.expiry(), PUT_580.strike(), PUT_580.right()), 1.95, 2.05, 2.00);
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), market).start();
        gateway.refuseClientId(17); // TWS has not yet seen the socket of a killed daemon close
        TailguardConfig config = start(gateway.port());

        Await.until("the 326 recorded", WAIT, () -> String.valueOf(broker(config).lastError()).contains("326"));
        assertThat(broker(config).isUp()).isFalse();
        String leg = proposeAndApprove(config, "P1");

        gateway.clearFaults();

        Await.until("the approved order at the gateway", WAIT,
                () -> gateway.bookOrders().stream().anyMatch(o -> o.orderRef().equals(leg)));
        assertThat(gateway.bookOrders()).hasSize(1);
    }

    @Test
    void aBrokerJobWhoseFireFoundTheBrokerDownRunsOnceTheGatewayAnswers() throws Exception {
        int port = freePort();
        // a fire every minute at a second a few seconds from now, while the broker is down
        int second = ZonedDateTime.now(ZoneId.of("America/New_York")).plusSeconds(5).getSecond();
        start(port, """
                    expiry-booking:
                      cron: "%d * * * * ?"
                      maxLateness: PT1H
                """.formatted(second));

        Await.until("the fire refused for want of the broker", Duration.ofSeconds(90),
                () -> runs("expiry-booking").size() == 1);
        JobRun refused = runs("expiry-booking").get(0);
        assertThat(refused.outcome()).isEqualTo("FAILED");

        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(port), FakeSimMarket.atWallClock()).start();

        Await.until("the refused fire run once the broker is up", Duration.ofSeconds(90),
                () -> runs("expiry-booking").size() == 2);
        JobRun caughtUp = runs("expiry-booking").get(1);
        assertThat(caughtUp.outcome()).isNotEqualTo("FAILED");
        assertThat(caughtUp.firedAt()).as("run on connecting, not at the next scheduled fire")
                .isBefore(refused.scheduledFor().plus(Duration.ofMinutes(1)));
    }

    private TailguardConfig start(int port) throws IOException {
        return start(port, "");
    }

    private TailguardConfig start(int port, String moreJobs) throws IOException {
        Path file = dir.resolve("tailguard.yaml");
        Files.writeString(file, """
                broker:
                  mode: tws
                  host: 127.0.0.1
                  port: %d
                  clientId: 17
                  connectTimeout: PT2S
                database:
                  url: %s
                approval:
                  policy: manual
                  expiry: PT30M
                orders:
                  repriceWait: PT10M
                  workingWindow: PT30M
                  pollInterval: PT0.2S
                  marketHours: always       # the test gateway trades around the clock; this test runs at any hour
                schedule:
                  jobs:
                    heartbeat:
                      cron: "0 * * * * ?"
                %s
                paths:
                  dataDir: %s
                """.formatted(port, TestDatabases.fileUrl(dir), moreJobs, dir.resolve("data")));
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        daemon = Daemon.start(file, config, Clock.systemUTC());
        return config;
    }

    /** A one-leg XSP put purchase, approved as the trader would from the console (a second writer). */
    private String proposeAndApprove(TailguardConfig config, String id) {
        ProposalStore proposals = new ProposalStore(daemon.database().dataSource(), Clock.systemUTC());
        BigDecimal worst = new BigDecimal("2.10");
        ProposalLeg leg = new ProposalLeg(id + "-L1", PUT_580, OrderSide.BUY, 2, new BigDecimal("2.00"), worst,
                new PriceBounds(BigDecimal.ZERO, worst), LegIntent.BUY_PROTECTION);
        proposals.insert(new Proposal(id, ProposalState.PROPOSED, "weekly-hedge", "first-connect test", Map.of(),
                List.of(leg), Clock.systemUTC().instant(), "tester", null), new Actor("tester", "test"));
        assertThat(ApprovalRules.approvals(config, daemon.database().dataSource(), Clock.systemUTC(), Map.of())
                .approve(id, new Actor("trader", "test"))).isInstanceOf(ApprovalService.Approved.class);
        return leg.legId();
    }

    private record JobRun(String outcome, Instant scheduledFor, Instant firedAt) {
    }

    /** The recorded fires of a job, oldest first. */
    private List<JobRun> runs(String job) throws Exception {
        List<JobRun> runs = new ArrayList<>();
        try (var c = daemon.database().connection(); var ps = c.prepareStatement(
                "SELECT outcome, scheduled_for, fired_at FROM job_run WHERE job_name = ? ORDER BY id")) {
            ps.setString(1, job);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new JobRun(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return runs;
    }

    private static StatusReport status(TailguardConfig config) {
        return new StatusService(Clock.systemUTC()).report(config.database());
    }

    private static DaemonRunStore.BrokerLink broker(TailguardConfig config) {
        StatusReport report = status(config);
        assertThat(report.runningDaemons()).as("running daemons").hasSize(1);
        return report.runningDaemons().get(0).broker();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
