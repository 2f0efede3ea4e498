package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.Await;
import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import io.tailguard.testing.CliProcess.Running;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailguard status} as a trader runs it: the built jar in a child process, beside a daemon started with
 * {@code run} in another one (and a simulated gateway in a third), on a fresh installation.
 */
class StatusCliIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    @Test
    void withNoDatabaseYetSaysSoInOneLineAndWhatCreatesIt() {
        Result r = tailguard.run("status");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdoutLines()).as(r.describe()).hasSize(1);
        assertThat(r.stdout()).as(r.describe()).contains("none yet at data/tailguard.mv.db").contains("`./run.sh`");
        assertThat(r.stdout() + r.stderr()).as(r.describe()).doesNotContain("IFEXISTS").doesNotContain("90146");
        assertThat(dir.resolve("data/tailguard.mv.db")).as("status creates no database").doesNotExist();
    }

    @Test
    void rightAfterACleanStopSaysTheDaemonStopped() {
        try (Running daemon = tailguard.start("run")) {
            awaitStatus("status seeing the daemon run", s -> s.contains("daemon     running"));

            Result stopped = daemon.stop(WAIT); // SIGTERM, then wait for the process to end
            assertThat(stopped.exitCode()).as(stopped.describe()).isZero();
        }

        Result r = tailguard.run("status");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("daemon     not running").contains("stopped cleanly")
                .doesNotContain("daemon     running");
    }

    @Test
    void rightAfterAKillSaysTheDaemonEndedWithoutACleanStop() {
        try (Running daemon = tailguard.start("run")) {
            awaitStatus("status seeing the daemon run", s -> s.contains("daemon     running"));

            daemon.kill(); // SIGKILL: nothing recorded; its scheduler's last check-in still looks fresh
        }

        Result r = tailguard.run("status");
        assertThat(r.stdout()).as(r.describe()).contains("daemon     not running")
                .contains("ended without a clean stop").doesNotContain("daemon     running");
    }

    @Test
    void showsTheBrokerDisconnectedWhileNothingListensAndConnectedOnceAGatewayDoes() throws IOException {
        int port = freePort();
        tailguard.write("config/tws.yaml", """
                broker:
                  mode: tws
                  host: 127.0.0.1
                  port: %d
                  clientId: 17
                database:
                  url: jdbc:h2:file:./data/tws;AUTO_SERVER=TRUE
                schedule:
                  jobs:
                    heartbeat:
                      cron: "0 * * * * ?"
                paths:
                  dataDir: data
                """.formatted(port));
        try (Running daemon = tailguard.start("--config", "config/tws.yaml", "run")) {
            String down = awaitStatus("status seeing the daemon run without its broker", "config/tws.yaml",
                    s -> s.contains("daemon     running") && s.contains("broker     DISCONNECTED"));
            assertThat(down).contains("TWS at 127.0.0.1:" + port).contains("mode tws").contains("never connected");

            try (Running gateway = tailguard.start("sim-gateway", "--port", Integer.toString(port))) {
                String up = awaitStatus("status seeing the broker connected", "config/tws.yaml",
                        s -> s.contains("broker     connected"));
                assertThat(up).contains("TWS at 127.0.0.1:" + port).contains("account DU1234567")
                        .contains("daemon     running");
            }
        }
    }

    private String awaitStatus(String what, Predicate<String> condition) {
        return awaitStatus(what, "config/tailguard.yaml", condition);
    }

    /** Runs {@code status} until its stdout satisfies the condition; returns that stdout. */
    private String awaitStatus(String what, String config, Predicate<String> condition) {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            Await.until(what, WAIT, () -> {
                Result r = tailguard.run("--config", config, "status");
                last.set(r.describe());
                return condition.test(r.stdout());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last status:\n" + last.get(), e);
        }
        return last.get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
