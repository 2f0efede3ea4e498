package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.Database;
import io.tailguard.testing.Await;
import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import io.tailguard.testing.CliProcess.Running;
import io.tailguard.testing.DoneProposals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's side of an executed weekly hedge as a trader sees it, the built jar in child processes: an
 * installation in {@code desk/} ({@code config/} and {@code strategies/} side by side) used from a working
 * directory that has no weekly hedge strategy of its own, so every file the commands find is found beside the
 * configuration. The database holds what a daemon killed right after a hedge's DONE left behind.
 */
class HedgeCycleCliIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String CONFIG = "desk/config/tailguard.yaml";

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void anInstallationBesideTheWorkingDirectory() throws IOException {
        tailguard = CliProcess.freshInstallation(dir);
        String shipped = Files.readString(dir.resolve("config/tailguard.yaml"));
        // the market replays Monday's session, so it quotes whenever the test runs
        String replay = shipped.replace("\n  clock: wall\n", "\n  clock: 2026-11-30T09:30\n");
        assertThat(replay).isNotEqualTo(shipped);
        tailguard.write(CONFIG, replay);
        tailguard.write("desk/config/ledger.yaml", Files.readString(dir.resolve("config/ledger.yaml")));
        // a quick strategy for the installation (the preview's Monte Carlo), and none in the working directory
        Path strategy = dir.resolve("strategies/weekly-xsp-hedge.yaml");
        tailguard.write("desk/strategies/weekly-xsp-hedge.yaml", Files.readString(strategy)
                .replace("paths: 100000", "paths: 4000"));
        Files.delete(strategy);
        // the signal files are the installation's too, and the working directory has none
        for (String file : new String[] {"strategies/signal-layers.yaml", "config/signal-sources.yaml"}) {
            tailguard.write("desk/" + file, Files.readString(dir.resolve(file)));
            Files.delete(dir.resolve(file));
        }
    }

    private Result run(String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "--config";
        command[1] = CONFIG;
        System.arraycopy(args, 0, command, 2, args.length);
        return tailguard.run(command);
    }

    private Running daemon() {
        Running daemon = tailguard.start("--config", CONFIG, "run");
        daemon.awaitOutput("the daemon ready", START, true, err -> err.contains("tailguard daemon ready"));
        return daemon;
    }

    /** The shipped database URL (./data/tailguard in the working directory), as a second process opens it. */
    private Database database() {
        return Database.open("jdbc:h2:file:" + dir.resolve("data/tailguard").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                "sa", "", 2);
    }

    private List<String> entries() {
        Result r = run("pnl", "--cycle", DoneProposals.CYCLE, "--csv");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        return r.stdoutLines();
    }

    private static List<String> rows(List<String> csv, String type) {
        return csv.stream().filter(l -> l.split(",")[3].equals(type)).toList();
    }

    @Test
    void aWeeklyHedgeDoneBeforeTheDaemonDiedGetsItsCycleAtTheNextStartOnceWithEachFill() throws Exception {
        Clock market = Clock.systemUTC();
        try (Database db = database()) {
            db.migrate();
            new DoneProposals(new ProposalStore(db.dataSource(), market), new OrderStore(db.dataSource(), market), market)
                    .executed("H1");
        }

        List<String> opened;
        try (Running daemon = daemon()) {
            opened = entries();
            assertThat(opened.get(0)).startsWith("id,cycle,occurred_at,type,");
            assertThat(rows(opened, "POSITION_AT_START")).singleElement().satisfies(l -> assertThat(l)
                    .as("the cycle starts when the hedge executed, with the simulated account's UPRO")
                    .contains("," + DoneProposals.LAST_FILL + ",POSITION_AT_START,UNDERLYING,UPRO,1,4000,"));
            assertThat(rows(opened, "FILL")).extracting(l -> l.split(",")[10])
                    .containsExactly("H1.e1.01", "H1.e2.01", "H1.e3.01");
            assertThat(rows(opened, "COMMISSION")).as("the calls' commission is not reported yet").hasSize(2);

            // the broker reports it while the daemon runs: booked by the order loop's next pass, once
            try (Database db = database()) {
                new DoneProposals(new ProposalStore(db.dataSource(), market), new OrderStore(db.dataSource(), market),
                        market).commission("H1.e3.01", "6.50");
            }
            Await.until("the late commission booked", START, () -> rows(entries(), "COMMISSION").size() == 3);
            Result stopped = daemon.stop(START);
            assertThat(stopped.exitCode()).as(stopped.describe()).isZero();
        }
        List<String> booked = entries();
        assertThat(booked).hasSize(opened.size() + 1);

        try (Running daemon = daemon()) {
            assertThat(entries()).as("a second start books nothing again").isEqualTo(booked);
            Result cycles = run("pnl", "--cycles", "--csv");
            assertThat(cycles.stdoutLines().stream().filter(l -> l.startsWith("W"))).as(cycles.describe())
                    .singleElement().satisfies(l -> assertThat(l).startsWith(DoneProposals.CYCLE + ",2026-12-04,OPEN,"));
            daemon.stop(START);
        }
    }

    @Test
    void hedgePreviewReadsTheStrategyBesideTheConfigurationNotTheWorkingDirectorys() {
        Result r = run("hedge", "preview", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).containsPattern("(?m)^proposal H\\S+ \\(weekly-xsp-hedge\\)$")
                .contains(" candidates on 4000 paths");
    }
}
