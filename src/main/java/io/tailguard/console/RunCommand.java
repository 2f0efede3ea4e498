package io.tailguard.console;

import io.tailguard.app.Daemon;
import io.tailguard.app.JobCatalog;
import io.tailguard.app.MarketClock;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.PathsConfig;
import io.tailguard.app.config.TailguardConfig;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tailguard run}: the daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the daemon: migrate the database, start the scheduler and run the configured jobs "
                + "until stopped with Ctrl-C or SIGTERM.",
        footerHeading = "%nExamples:%n",
        footer = {"  tailguard run", "  tailguard --config config/tailguard-tws-paper.yaml run"})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @ParentCommand
    private TailguardCommand root;

    @Option(names = "--warm-up", hidden = true,
            description = "Start and stop at once on an in-memory database (run.sh uses it to build the class-data "
                    + "archive that makes start-up fast).")
    boolean warmUp;

    public RunCommand() {
    }

    RunCommand(TailguardCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        JobCatalog.requireKnown(root.configFile(), config);
        if (warmUp) {
            return warmUp(config);
        }
        // the process clock: on a replay (sim.clock) the simulated market's, injected into everything that decides
        // by market time; Quartz keeps the wall clock (see Daemon)
        Clock wall = Clock.systemUTC();
        Clock market = MarketClock.forDaemon(config, wall);
        Daemon daemon = Daemon.start(root.configFile(), config, wall, market);
        // Stop on SIGTERM / Ctrl-C before the JVM's shutdown begins: H2 closes its databases from a
        // shutdown hook of its own, which would race a stop run from ours (and lose the stop's audit
        // event). The hook stays as the fallback for any other way out.
        StopSignals.install(daemon::stop);
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "tailguard-shutdown"));
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("tailguard daemon ready in {} ms (instance {}, config {}, {}, market clock {}); Ctrl-C stops it",
                sinceJvmStart, daemon.instanceId(), root.configFile(), daemon.brokerSummary(), MarketClock.describe(market));
        try {
            daemon.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.stop();
        }
        return TailguardCommand.OK;
    }

    /** Loads every class a real start loads, touching neither data/ nor the configured database. */
    private static int warmUp(TailguardConfig config) {
        TailguardConfig scratch = config.withDatabase(config.database().withUrl("jdbc:h2:mem:warm-up;DB_CLOSE_DELAY=-1"))
                .withPaths(new PathsConfig(Path.of(System.getProperty("java.io.tmpdir"), "tailguard-warm-up"), null));
        Clock wall = Clock.systemUTC();
        Daemon daemon = Daemon.start(Path.of("warm-up"), scratch, wall, MarketClock.forDaemon(scratch, wall));
        daemon.stop();
        return TailguardCommand.OK;
    }
}
