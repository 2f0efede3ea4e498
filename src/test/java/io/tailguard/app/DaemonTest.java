package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import io.tailguard.testing.Await;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon end to end on an H2 file database in mixed mode, with a second process reading it. */
class DaemonTest {
    @TempDir
    Path dir;

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("tailguard.yaml");
        Files.writeString(config, """
                broker:
                  mode: sim
                  port: 0
                  clientId: 17
                database:
                  url: %s
                schedule:
                  jobs:
                    heartbeat:
                      cron: "* * * * * ?"
                paths:
                  dataDir: %s
                """.formatted(TestDatabases.fileUrl(dir), dir.resolve("data")));
        return config;
    }

    @Test
    void startsFiresTheHeartbeatAndStopsCleanlyWithAuditEvents() throws Exception {
        Path file = writeConfig();
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        Daemon daemon = Daemon.start(file, config, Clock.systemUTC());
        Database db = daemon.database();
        Await.until("a heartbeat", Duration.ofSeconds(10), () -> heartbeats(db) >= 1);
        daemon.stop();
        daemon.awaitStop();

        try (Database reopened = TestDatabases.file(dir)) {
            List<String> events = new ArrayList<>();
            new AuditLog(reopened.dataSource(), Clock.systemUTC(), "t", "h").recent(10)
                    .forEach(e -> events.add(0, e.eventType()));
            assertThat(events).containsExactly("CONFIG_LOADED", "DAEMON_STARTED", "DAEMON_STOPPED");
        }
    }

    @Test
    void statusFromASecondProcessSeesTheRunningDaemon() throws Exception {
        Path file = writeConfig();
        TailguardConfig config = new ConfigLoader(Map.of()).load(file);
        try (Daemon daemon = Daemon.start(file, config, Clock.systemUTC())) {
            Await.until("a heartbeat", Duration.ofSeconds(10), () -> heartbeats(daemon.database()) >= 1);
            ProcessResult status = runCli("--config", file.toString(), "status");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).contains("daemon     running: " + daemon.instanceId())
                    .contains("job        heartbeat").contains("trading    ACTIVE");
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    /** Runs the CLI in a separate JVM with this test's class path, as a trader's second terminal would. */
    private static ProcessResult runCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tailguard.console.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CLI process did not finish: " + command);
        }
        return new ProcessResult(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static long heartbeats(Database db) throws Exception {
        try (var c = db.connection(); var ps = c.prepareStatement("SELECT COUNT(*) FROM heartbeat");
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
