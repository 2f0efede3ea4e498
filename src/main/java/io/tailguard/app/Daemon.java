package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.schedule.SchedulerService;
import io.tailguard.schedule.ServiceJobFactory;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running process ({@code tailguard run}): migrates the database, starts Quartz on the JDBC
 * job store in that database with the configured jobs, and on stop lets running jobs finish, records
 * the stop and closes the pool. In {@code tws} mode it does not wait for TWS: the connection keeps trying
 * in the background, and the order loop and the broker jobs start when it comes up ({@link BrokerWatch}).
 *
 * <p>Two clocks. The market clock decides everything about the market: the broker and its quotes' ages, the
 * order loop (approvals, working windows, re-pricing), and the services the jobs run (signals, the weekly roll,
 * expiry booking, marks). On a replay ({@code sim.clock}) it is the simulated market's clock. The wall clock
 * drives Quartz (cron times are wall New York times: Quartz has no other clock), the job shells' lateness checks
 * and run records, the heartbeat, the daemon's own audit events, its run record and broker-connection record
 * (what {@code status} shows), and its published gateway's liveness. With a real TWS, or {@code sim.clock: wall},
 * the two are the same clock.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final Database database;
    private final AuditLog audit;
    private final SchedulerService scheduler;
    private final BrokerConnection broker;
    private final BrokerWatch watch;
    private final DaemonRunStore runs;
    private final GatewayPublication publication;
    private final Clock wall;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private Daemon(Database database, AuditLog audit, SchedulerService scheduler, BrokerConnection broker,
            BrokerWatch watch, DaemonRunStore runs, GatewayPublication publication, Clock wall) {
        this.database = database;
        this.audit = audit;
        this.scheduler = scheduler;
        this.broker = broker;
        this.watch = watch;
        this.runs = runs;
        this.publication = publication;
        this.wall = wall;
    }

    /** Starts everything on one clock (the wall clock, or a test's); see {@link #start(Path, TailguardConfig, Clock, Clock)}. */
    public static Daemon start(Path configFile, TailguardConfig config, Clock clock) {
        return start(configFile, config, clock, clock);
    }

    /**
     * Starts everything; on failure, whatever was opened is closed again before the exception leaves. {@code wall}
     * drives the scheduler's side, {@code clock} (the market clock, {@link MarketClock#forDaemon}) the rest.
     */
    public static Daemon start(Path configFile, TailguardConfig config, Clock wall, Clock clock) {
        long t0 = System.nanoTime();
        createDirectories(config);
        // the gateway (market history) and the database start at the same time: start-up is the slower of the
        // two; TWS is not waited for (it may be down, or still hold our client id: 326)
        CompletableFuture<BrokerConnection> connecting = CompletableFuture.supplyAsync(
                () -> BrokerConnection.openInBackground(config, clock), Daemon::startThread);
        Database database;
        try {
            database = Database.open(config.database().url(), config.database().username(),
                    config.database().password(), config.database().poolSize());
        } catch (RuntimeException e) {
            closeWhenDone(connecting);
            throw e;
        }
        SchedulerService scheduler = null;
        BrokerConnection broker = null;
        BrokerWatch watch = null;
        GatewayPublication publication = null;
        DaemonRunStore runs = new DaemonRunStore(database.dataSource());
        try {
            database.migrate();
            long t1 = System.nanoTime();
            AuditLog audit = AuditLog.forCurrentUser(database.dataSource(), wall);
            audit.record("CONFIG_LOADED", configFile.toString(), "broker " + config.broker().mode()
                    + (config.broker().mode() == BrokerMode.SIM ? " (" + MarketClock.describe(clock) + ")" : "")
                    + ", trading " + config.trading().mode() + (config.trading().dryRun() ? " (dry run)" : "")
                    + ", approval " + config.approval().policy());
            warnAboutOtherDaemons(database, wall);
            broker = awaitBroker(connecting);
            BrokerConnection connection = broker;
            BrokerJobGate gate = new BrokerJobGate(() -> connection.ibkr().client().health().isUp(),
                    address(connection), wall);
            DaemonServices services = DaemonServices.wire(configFile, config, database.dataSource(), connection.ibkr(),
                    clock);
            JobCatalog catalog = services.jobCatalog(wall, gate);
            scheduler = SchedulerService.create(database.dataSource(),
                    SchedulerService.Settings.defaults(config.schedule().timeZone(),
                            config.schedule().misfireThreshold(), !database.isH2()),
                    new ServiceJobFactory(catalog.suppliers()));
            scheduler.register(catalog.specs(config.schedule().jobs()));
            SchedulerService quartz = scheduler;
            runs.started(new DaemonRunStore.Run(scheduler.instanceId(), AuditLog.localHostName(),
                    ProcessHandle.current().pid(), wall.instant(), null));
            scheduler.start();
            watch = BrokerWatch.start(scheduler.instanceId(), config.broker().mode(), broker, runs,
                    () -> OrderDesk.start(config, database.dataSource(), services.proposals(), services.orders(),
                            connection.ibkr(), services.handover(), clock, System.getenv()),
                    () -> gate.release(config.schedule().jobs()), job -> runNow(quartz, job), wall);
            publication = broker.gateway().isEmpty() ? null
                    : GatewayPublication.start(database.dataSource(), scheduler.instanceId(), broker.gateway().get(),
                            wall, clock);
            boolean up = broker.ibkr().client().health().isUp();
            log.info("database ready in {} ms; scheduler started {} ms later; broker at {} {}", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000, address(broker), up ? "connected"
                            : "not connected yet: retrying in the background; the order loop and the broker jobs "
                                    + "start when it connects");
            audit.record("DAEMON_STARTED", scheduler.instanceId(), "jobs: " + config.schedule().jobs().keySet());
            return new Daemon(database, audit, scheduler, broker, watch, runs, publication, wall);
        } catch (RuntimeException e) {
            if (publication != null) {
                publication.close();
            }
            if (watch != null) {
                watch.close();
            }
            if (scheduler != null) {
                scheduler.shutdown(false);
                markStopped(runs, scheduler.instanceId(), wall);
            }
            if (broker != null) {
                broker.close();
            } else {
                closeWhenDone(connecting);
            }
            database.close();
            throw e;
        }
    }

    public String instanceId() {
        return scheduler.instanceId();
    }

    public Database database() {
        return database;
    }

    /** Where the broker is and whether it is connected now, in a few words for the trader. */
    public String brokerSummary() {
        return "broker at " + address(broker) + (broker.ibkr().client().health().isUp() ? " connected"
                : " not connected yet (retrying in the background)");
    }

    /** Blocks until {@link #stop()} has completed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops firing, waits for running jobs, records the stop and closes the pool; idempotent. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            withdrawGateway(); // first: a console starting now gets a market of its own, not a closing one
            scheduler.shutdown(true);
            watch.close(); // and with it the order loop
            broker.close();
        } catch (RuntimeException e) {
            log.error("while stopping: {}", e.toString());
        }
        try {
            // Quartz leaves its check-in row behind: this is what tells `status` at once that we stopped
            runs.stopped(scheduler.instanceId(), wall.instant());
            audit.record("DAEMON_STOPPED", scheduler.instanceId(), "clean shutdown");
        } catch (RuntimeException e) {
            log.error("while recording the stop: {}", e.toString());
        } finally {
            database.close();
            stopped.countDown();
            log.info("tailguard daemon stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void withdrawGateway() {
        if (publication == null) {
            return;
        }
        try {
            publication.close();
        } catch (RuntimeException e) {
            // the stop goes on; the entry goes stale within 30 s and consoles then ignore it
            log.warn("could not withdraw the published simulated gateway: {}", e.getMessage());
        }
    }

    /** The embedded gateway must start (its failure stops the daemon); TWS is connected in the background. */
    private static BrokerConnection awaitBroker(CompletableFuture<BrokerConnection> connecting) {
        try {
            return connecting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String address(BrokerConnection broker) {
        return DaemonServices.address(broker.ibkr());
    }

    /** A job held back while the broker was down runs now, once, with its usual shell (run log, lateness). */
    private static void runNow(SchedulerService scheduler, String job) {
        try {
            log.info("job {}: the broker is connected again: running the fire it refused", job);
            scheduler.quartz().triggerJob(JobKey.jobKey(job, SchedulerService.GROUP));
        } catch (SchedulerException e) {
            log.warn("job {}: could not run it now: {}", job, e.getMessage());
        }
    }

    /** A start that failed after its run was recorded is recorded as stopped, so status does not call it a crash. */
    private static void markStopped(DaemonRunStore runs, String instanceId, Clock clock) {
        try {
            runs.stopped(instanceId, clock.instant());
        } catch (RuntimeException e) {
            log.debug("could not record the stop of {}: {}", instanceId, e.toString());
        }
    }

    private static void closeWhenDone(CompletableFuture<BrokerConnection> connecting) {
        connecting.whenComplete((connection, failure) -> {
            if (connection != null) {
                connection.close();
            }
        });
    }

    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "tailguard-broker-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warnAboutOtherDaemons(Database database, Clock clock) {
        try {
            SchedulerService.storedInstances(database.dataSource()).stream()
                    .filter(i -> i.isAliveAt(clock.instant()))
                    .forEach(i -> log.warn("another tailguard daemon ({}, last check-in {} s ago) uses this database;"
                            + " the scheduler is clustered, so each job fire runs on exactly one of them",
                            i.instanceId(), Duration.between(i.lastCheckin(), clock.instant()).toSeconds()));
        } catch (SQLException e) {
            log.debug("cannot read scheduler instances: {}", e.getMessage());
        }
    }

    private static void createDirectories(TailguardConfig config) {
        try {
            Files.createDirectories(config.paths().dataDir());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + config.paths().dataDir() + ": "
                    + e.getMessage(), e);
        }
    }
}
