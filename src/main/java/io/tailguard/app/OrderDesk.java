package io.tailguard.app;

import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.Broker;
import io.tailguard.broker.OrderRoute;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.Checkpoint;
import io.tailguard.orders.OrderExecutionService;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.orders.ProposalPoller;
import io.tailguard.orders.StreamingMarketView;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.store.TradingStateStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's order loop: reconciles with the broker, then polls for approved proposals and works
 * their orders, all on one thread (the execution service is not meant to run two submissions at once).
 * Everything runs on the injected clock (the simulated market's, when it replays a session), and the
 * session comes from the exchange calendar ({@code orders.marketHours}).
 */
final class OrderDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private final OrderExecutionService service;
    private final StreamingMarketView market;
    private final ScheduledExecutorService loop;

    private OrderDesk(OrderExecutionService service, StreamingMarketView market, ScheduledExecutorService loop) {
        this.service = service;
        this.market = market;
        this.loop = loop;
    }

    /**
     * Starts the loop when the broker can take orders; returns null (and says so) when it cannot, so the
     * daemon still records approvals but transmits nothing.
     */
    static OrderDesk start(TailguardConfig config, DataSource dataSource, Broker broker, IntSupplier sessionsOpened,
            Runnable afterEachPass, Clock clock, Map<String, String> environment) {
        if (!(broker instanceof OrderRoute route)) {
            log.warn("the broker adapter does not take orders yet: approved proposals wait, nothing is transmitted");
            return null;
        }
        ProposalStore proposals = new ProposalStore(dataSource, clock);
        OrderStore orders = new OrderStore(dataSource, clock);
        TradingStateStore tradingState = new TradingStateStore(dataSource, clock);
        TransmissionGates gates = new TransmissionGates(config.trading(), environment);
        // the console's approvals pass the same checks
        ApprovalService approvals = new ApprovalService(proposals, ApprovalRules.checks(config, dataSource, gates, clock),
                config.approval(), clock);
        StreamingMarketView market = new StreamingMarketView(broker, clock, config.trading().limits().maxQuoteAge(),
                config.broker().maxMarketDataLines() / 2).start(); // half the lines stay for snapshots and chain pulls
        OrderExecutionService service = new OrderExecutionService(proposals, orders, tradingState, approvals, route,
                market, gates, config.orders().working(), clock, Checkpoint.NONE);
        try {
            service.start(); // reconciles with the broker: fails if the connection drops meanwhile
        } catch (RuntimeException e) {
            service.stop();
            market.close(); // the daemon tries again, with a new view, once the broker is back
            throw e;
        }
        ProposalPoller poller = new ProposalPoller(service, clock, config.orders().reconcileEvery());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tailguard-orders");
            t.setDaemon(true);
            return t;
        });
        // a new broker session (reconnect, gateway restart) means reconciling before anything is sent
        AtomicInteger sessionsSeen = new AtomicInteger(sessionsOpened.getAsInt());
        Runnable pass = () -> {
            try {
                int sessions = sessionsOpened.getAsInt();
                if (sessionsSeen.getAndSet(sessions) != sessions) {
                    log.info("broker session {} opened: reconciling orders before the next submission", sessions);
                    poller.reconnected();
                }
                poller.run();
                afterEachPass.run();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: log and keep polling
                log.error("order loop pass failed: {}", e.toString(), e);
            }
        };
        loop.scheduleWithFixedDelay(pass, 0, config.orders().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("order loop started: polling for approved proposals every {}", config.orders().pollInterval());
        return new OrderDesk(service, market, loop);
    }

    @Override
    public void close() {
        loop.shutdown();
        try {
            if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("order loop did not finish within 30 s; stopping it");
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.shutdownNow();
        }
        service.stop();
        market.close();
    }
}
