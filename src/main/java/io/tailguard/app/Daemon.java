package io.tailguard.app;

import io.tailguard.app.config.BrokerMode;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.Broker;
import io.tailguard.ledger.BrokerExpiryReports;
import io.tailguard.ledger.BrokerMarketPrices;
import io.tailguard.ledger.ExpiryBooking;
import io.tailguard.ledger.DailyMarkToMarket;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.schedule.SchedulerService;
import io.tailguard.schedule.ServiceJobFactory;
import io.tailguard.sources.ibkr.BrokerDailyBarSource;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import io.tailguard.orders.Actor;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running process ({@code tailguard run}): migrates the database, starts Quartz on the JDBC
 * job store in that database with the configured jobs, and on stop lets running jobs finish, records
 * the stop and closes the pool.
 *
 * <p>Two clocks. The market clock decides everything about the market: the broker and its quotes' ages, the
 * order loop (approvals, working windows, re-pricing), and the services the jobs run (signals, the weekly roll,
 * expiry booking, marks). On a replay ({@code sim.clock}) it is the simulated market's clock. The wall clock
 * drives Quartz (cron times are wall New York times: Quartz has no other clock), the job shells' lateness checks
 * and run records, the heartbeat, the daemon's own audit events and its published gateway's liveness. With a
 * real TWS, or {@code sim.clock: wall}, the two are the same clock.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final Database database;
    private final AuditLog audit;
    private final SchedulerService scheduler;
    private final BrokerConnection broker;
    private final OrderDesk orders;
    private final GatewayPublication publication;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private Daemon(Database database, AuditLog audit, SchedulerService scheduler, BrokerConnection broker,
            OrderDesk orders, GatewayPublication publication) {
        this.database = database;
        this.audit = audit;
        this.scheduler = scheduler;
        this.broker = broker;
        this.orders = orders;
        this.publication = publication;
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
        // the gateway (market history) and the database start at the same time: start-up is the slower of the two
        CompletableFuture<BrokerConnection> connecting = CompletableFuture.supplyAsync(
                () -> BrokerConnection.open(config, clock, 0), Daemon::startThread);
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
        OrderDesk orders = null;
        GatewayPublication publication = null;
        try {
            database.migrate();
            long t1 = System.nanoTime();
            AuditLog audit = AuditLog.forCurrentUser(database.dataSource(), wall);
            audit.record("CONFIG_LOADED", configFile.toString(), "broker " + config.broker().mode()
                    + (config.broker().mode() == BrokerMode.SIM ? " (" + MarketClock.describe(clock) + ")" : "")
                    + ", trading " + config.trading().mode() + (config.trading().dryRun() ? " (dry run)" : "")
                    + ", approval " + config.approval().policy());
            warnAboutOtherDaemons(database, wall);
            broker = awaitBroker(connecting, config, audit);
            JobCatalog catalog = jobCatalog(configFile, config, wall, clock, database, broker);
            scheduler = SchedulerService.create(database.dataSource(),
                    SchedulerService.Settings.defaults(config.schedule().timeZone(),
                            config.schedule().misfireThreshold(), !database.isH2()),
                    new ServiceJobFactory(catalog.suppliers()));
            scheduler.register(catalog.specs(config.schedule().jobs()));
            scheduler.start();
            log.info("database ready in {} ms; broker connected and scheduler started {} ms later",
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            orders = broker == null ? null
                    : OrderDesk.start(config, database.dataSource(), broker.broker(),
                            broker.ibkr().client()::sessionsOpened, hedgeCycles(configFile, database, broker, clock),
                            clock, System.getenv());
            publication = broker == null || broker.gateway().isEmpty() ? null
                    : GatewayPublication.start(database.dataSource(), scheduler.instanceId(), broker.gateway().get(),
                            wall, clock);
            audit.record("DAEMON_STARTED", scheduler.instanceId(), "jobs: " + config.schedule().jobs().keySet());
            return new Daemon(database, audit, scheduler, broker, orders, publication);
        } catch (RuntimeException e) {
            if (publication != null) {
                publication.close();
            }
            if (scheduler != null) {
                scheduler.shutdown(false);
            }
            if (orders != null) {
                orders.close();
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
            if (orders != null) {
                orders.close();
            }
            if (broker != null) {
                broker.close();
            }
            audit.record("DAEMON_STOPPED", scheduler.instanceId(), "clean shutdown");
        } catch (RuntimeException e) {
            log.error("while stopping: {}", e.toString());
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

    /**
     * The configured jobs with their services, each wired lazily on first fire; a job that is scheduled
     * has its configuration files read now, so a bad file stops the start rather than a later fire.
     */
    private static JobCatalog jobCatalog(Path configFile, TailguardConfig config, Clock wall, Clock clock,
            Database database, BrokerConnection broker) {
        SignalServices signals = new SignalServices(clock, database.dataSource());
        if (broker != null && config.broker().mode() == BrokerMode.SIM) {
            signals.withSimulatedMarket(new BrokerDailyBarSource(broker.broker()),
                    SignalServices.simulatedMarket(config.sim().seed()));
        } else if (broker != null) {
            signals.withBars(new BrokerDailyBarSource(broker.broker()));
        }
        DataSource ds = database.dataSource();
        Supplier<DailyMarkToMarket> markToMarket = () -> {
            if (broker == null) {
                throw new IllegalStateException("daily-mark-to-market: no broker connection for quotes");
            }
            LedgerConfig ledgerConfig = LedgerApp.loadConfig(configFile);
            return new DailyMarkToMarket(LedgerApp.ledger(ds, ledgerConfig, clock), new LedgerStore(ds, clock),
                    new BrokerMarketPrices(broker.broker()), clock);
        };
        Supplier<WeeklyHedgeRollService> hedge = memoize(() -> {
            if (broker == null) {
                throw new IllegalStateException("the weekly hedge roll needs a broker connection");
            }
            return WeeklyHedgeStrategy.service(clock, broker.broker(), ds,
                    WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE),
                    WeeklyHedgeStrategy.proposalStore(ds, clock, Actor.daemon()));
        });
        Supplier<ExpiryBooking> expiryBooking = memoize(() -> {
            if (broker == null) {
                throw new IllegalStateException("expiry-booking: no broker connection for the settlement evidence");
            }
            return expiryBooking(configFile, ds, broker.broker(), clock);
        });
        // the job shells judge lateness against Quartz's fire times, which are wall times; their services run on the market clock
        JobCatalog catalog = JobCatalog.forDaemon(ds, wall, signals::get, markToMarket, hedge, expiryBooking);
        if (catalog.isConfigured("weekly-hedge-roll", config.schedule().jobs())) {
            WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE); // a bad strategy file stops the start
        }
        if (catalog.isConfigured("daily-signals", config.schedule().jobs())) {
            signals.get(); // a bad signal configuration stops the daemon at start, not at 16:30
        }
        return catalog;
    }

    /**
     * Books, from the broker's positions and daily bars, how the options of cycles past expiry ended, and
     * closes those cycles at the underlying's close on the expiry date.
     */
    static ExpiryBooking expiryBooking(Path configFile, DataSource ds, Broker broker, Clock clock) {
        return new ExpiryBooking(LedgerApp.ledger(ds, LedgerApp.loadConfig(configFile), clock),
                new BrokerExpiryReports(broker, clock), clock);
    }

    /** After each order-loop pass: executed weekly hedges open their ledger cycle, and new fills are booked. */
    private static Runnable hedgeCycles(Path configFile, Database database, BrokerConnection broker, Clock clock) {
        DataSource ds = database.dataSource();
        return new HedgeCycleOpener(new ProposalStore(ds, clock), LedgerApp.ledger(ds, LedgerApp.loadConfig(configFile),
                clock), new LedgerStore(ds, clock), broker.broker(), clock);
    }

    /** The embedded gateway must start; a TWS that is not up yet is recorded and the daemon runs without it. */
    private static BrokerConnection awaitBroker(CompletableFuture<BrokerConnection> connecting, TailguardConfig config,
            AuditLog audit) {
        try {
            return connecting.join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof BrokerException broker) || config.broker().mode() == BrokerMode.SIM) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            log.error("broker not reachable at {}:{}: {}; the daemon runs without it and broker jobs will fail "
                    + "until it is restarted with TWS up", config.broker().host(), config.broker().port(),
                    broker.getMessage());
            audit.record("BROKER_UNREACHABLE", config.broker().host() + ":" + config.broker().port(),
                    broker.getMessage());
            return null;
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

    private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
