package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.connection.ConnectInfo;
import io.tailguard.broker.ibkr.connection.ConnectionHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's eye on its broker connection. Twice a second it reads the connection's health and, when it
 * changed, writes it where {@code status} reads it; while the connection is up it starts the order loop
 * (once, the first time: a daemon may start before TWS) and runs the broker jobs held back while it was
 * down. The connection itself retries and reconnects; this only reports and reacts.
 */
final class BrokerWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);
    static final Duration POLL = Duration.ofMillis(500);
    /** After a failed start of the order loop (the connection dropped during reconciliation, say). */
    static final Duration DESK_RETRY = Duration.ofSeconds(30);

    private final String instanceId;
    private final BrokerMode mode;
    private final BrokerConnection broker;
    private final DaemonRunStore runs;
    private final Supplier<OrderDesk> deskFactory;
    private final Supplier<List<String>> releasedJobs;
    private final Consumer<String> runJob;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r,
            "tailguard-broker-watch"));
    private final ExecutorService deskStarter = Executors.newSingleThreadExecutor(r -> thread(r,
            "tailguard-orders-start"));

    // the timer's thread only
    private ConnectionHealth written;
    // guarded by this
    private OrderDesk desk;
    private boolean deskStarting;
    private Instant deskRetryAt = Instant.MIN;
    private boolean closed;

    private BrokerWatch(String instanceId, BrokerMode mode, BrokerConnection broker, DaemonRunStore runs,
            Supplier<OrderDesk> deskFactory, Supplier<List<String>> releasedJobs, Consumer<String> runJob,
            Clock clock) {
        this.instanceId = instanceId;
        this.mode = mode;
        this.broker = broker;
        this.runs = runs;
        this.deskFactory = deskFactory;
        this.releasedJobs = releasedJobs;
        this.runJob = runJob;
        this.clock = clock;
    }

    /**
     * Writes the connection's state now and, if the broker is already up (the embedded gateway always is),
     * starts the order loop now; a failure of either stops the start. Then keeps watching.
     * {@code releasedJobs} names the held-back jobs to run once the broker is up; {@code runJob} runs one.
     */
    static BrokerWatch start(String instanceId, BrokerMode mode, BrokerConnection broker, DaemonRunStore runs,
            Supplier<OrderDesk> deskFactory, Supplier<List<String>> releasedJobs, Consumer<String> runJob,
            Clock clock) {
        BrokerWatch watch = new BrokerWatch(instanceId, mode, broker, runs, deskFactory, releasedJobs, runJob, clock);
        try {
            ConnectionHealth now = broker.ibkr().client().health();
            watch.timer.submit(() -> watch.record(now)).get();
            if (now.isUp()) {
                OrderDesk desk = deskFactory.get();
                synchronized (watch) {
                    watch.desk = desk;
                }
            }
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            watch.close();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watch.close();
            throw new IllegalStateException("interrupted while recording the broker connection");
        }
        watch.timer.scheduleWithFixedDelay(watch::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private void check() {
        try {
            ConnectionHealth health = broker.ibkr().client().health();
            record(health);
            if (health.isUp()) {
                startDesk();
                releasedJobs.get().forEach(runJob);
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep watching
            log.warn("watching the broker connection: {}", e.toString());
        }
    }

    private void record(ConnectionHealth health) {
        if (health.equals(written)) {
            return;
        }
        IbkrClientConfig c = broker.ibkr().client().config();
        ConnectInfo info = broker.ibkr().client().info();
        String account = info == null || info.managedAccounts().isEmpty() ? null : info.managedAccounts().get(0);
        runs.write(new DaemonRunStore.BrokerLink(instanceId, mode, c.host(), c.port(), c.clientId(), account,
                health.state(), health.since(), health.connectedAt(), health.lostAt(), health.failedAttempts(),
                health.lastError(), health.lastErrorAt(), clock.instant()));
        written = health;
    }

    private synchronized void startDesk() {
        if (desk != null || deskStarting || closed || clock.instant().isBefore(deskRetryAt)) {
            return;
        }
        deskStarting = true;
        deskStarter.execute(() -> {
            OrderDesk started = null;
            try {
                started = deskFactory.get();
            } catch (RuntimeException e) {
                log.warn("the order loop could not start ({}); trying again in {} s while the broker is up",
                        e.toString(), DESK_RETRY.toSeconds());
            }
            OrderDesk orphan = null;
            synchronized (this) {
                deskStarting = false;
                if (started == null) {
                    deskRetryAt = clock.instant().plus(DESK_RETRY);
                } else if (closed) {
                    orphan = started;
                } else {
                    desk = started;
                }
            }
            if (orphan != null) {
                orphan.close();
            }
        });
    }

    /** Whether the order loop runs (it starts once the broker has first connected). */
    synchronized boolean ordersRunning() {
        return desk != null;
    }

    /** Stops watching, waits briefly for an order loop that is starting, and stops the order loop. */
    @Override
    public void close() {
        OrderDesk running;
        synchronized (this) {
            closed = true;
            running = desk;
            desk = null;
        }
        timer.shutdown(); // a check under way finishes; no further one starts
        deskStarter.shutdown();
        try {
            if (!deskStarter.awaitTermination(5, TimeUnit.SECONDS)) {
                deskStarter.shutdownNow(); // a reconciliation waiting on a broker that went away
                deskStarter.awaitTermination(5, TimeUnit.SECONDS);
            }
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running != null) {
            running.close();
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
