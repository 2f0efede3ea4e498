package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.Await;
import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import io.tailguard.testing.CliProcess.Running;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated market's session clock as a trader uses it, the built jar in child processes: a daemon on a
 * replay clock, console commands that quote the daemon's market while it runs and their own once it has stopped,
 * the stand-alone gateway on a replay clock, and the refusals of a bad clock.
 */
class SimClockCliIT {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    /** The shipped configuration with {@code sim.clock} replaced. */
    private void simClock(String clockAndSpeed) throws IOException {
        String shipped = Files.readString(dir.resolve("config/tailguard.yaml"));
        String replay = shipped.replace("\n  clock: wall\n", "\n" + clockAndSpeed + "\n");
        assertThat(replay).as("the shipped configuration names sim.clock").isNotEqualTo(shipped);
        tailguard.write("config/tailguard.yaml", replay);
    }

    @Test
    void consoleCommandsQuoteTheRunningDaemonsMarketOnItsReplayClockAndTheirOwnOnceItHasStopped() throws Exception {
        simClock("  clock: 2026-11-30T09:30\n  speed: 60");
        int daemonsPort;
        try (Running daemon = tailguard.start("run")) {
            daemon.awaitOutput("the daemon up", START, true, err -> err.contains("tailguard daemon ready"));
            daemonsPort = publishedPort();

            Result chain = tailguard.run("chain", "XSP", "--width", "1%");
            assertThat(chain.exitCode()).as(chain.describe()).isZero();
            assertThat(chain.stdoutLines().get(0)).as(chain.describe())
                    .startsWith("broker: the daemon's simulated gateway at 127.0.0.1:" + daemonsPort + ";")
                    .contains("market time 2026-11-30 ")
                    .endsWith("(replay from 2026-11-30T09:30 New York at 60x)");
            assertThat(chain.stdout()).as(chain.describe()).contains("underlying").contains("  P ");

            Result stopped = daemon.stop(START);
            assertThat(stopped.exitCode()).as(stopped.describe()).isZero();
        }
        assertThat(publishedRows()).as("the daemon withdrew its gateway at the stop").isZero();

        Result own = tailguard.run("chain", "XSP", "--width", "1%");
        assertThat(own.exitCode()).as(own.describe()).isZero();
        assertThat(own.stdoutLines().get(0)).as(own.describe())
                .startsWith("broker: a simulated gateway of its own at 127.0.0.1:")
                .doesNotContain("127.0.0.1:" + daemonsPort + ";")
                .endsWith("(replay from 2026-11-30T09:30 New York at 60x)");
    }

    @Test
    void theStandAloneGatewayRunsAReplayClockAndPrintsItsPortAndClock() {
        try (Running gateway = tailguard.start("sim-gateway", "--port", "0", "--clock", "2026-11-30T09:30",
                "--speed", "60")) {
            gateway.awaitOutput("the gateway listening", START, false, out -> out.contains("Ctrl-C stops it"));
            assertThat(gateway.stdoutSoFar()).matches("(?s)simulated gateway listening on 127\\.0\\.0\\.1:\\d+ "
                    + "\\(account DU1234567, seed 42\\); clock: replay from 2026-11-30T09:30 New York at 60x, "
                    + "market time 2026-11-30 \\d\\d:\\d\\d:\\d\\d EST; Ctrl-C stops it\\R");
        }
    }

    @Test
    void aReplayStartWhileTheExchangeIsClosedIsRefusedWithTheFieldAndAnExample() throws IOException {
        Result option = tailguard.run("sim-gateway", "--port", "0", "--clock", "2026-11-30T20:13");
        assertThat(option.exitCode()).as(option.describe()).isEqualTo(2);
        assertThat(option.stderr().lines().findFirst().orElse("")).as(option.describe())
                .isEqualTo("tailguard: --clock: 2026-11-30T20:13 is outside the session of 2026-11-30 (09:30–16:00 New York); "
                        + "a replay starts inside a session, e.g. 2026-12-01T09:30");

        // the README's example
        simClock("  clock: 2026-11-28T09:30");
        Result config = tailguard.run("config", "check");
        assertThat(config.exitCode()).as(config.describe()).isEqualTo(2);
        assertThat(config.stderr().strip()).as(config.describe()).isEqualTo("tailguard: configuration error: "
                + "config/tailguard.yaml: sim.clock: 2026-11-28T09:30 is on a Saturday, when the exchange is closed; "
                + "a replay starts inside a session, e.g. 2026-11-30T09:30");
        assertThat(config.stdout()).as(config.describe()).isEmpty();
    }

    /** The port the running daemon published for console commands (read as a second process would). */
    private int publishedPort() throws SQLException {
        Await.until("the daemon's gateway published", START, () -> publishedRows() == 1);
        try (Connection c = database(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT gateway_port FROM sim_gateway")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int publishedRows() throws SQLException {
        try (Connection c = database(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM sim_gateway")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/tailguard").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", "sa", "");
    }
}
