package io.tailguard.app;

import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.Checkpoint;
import io.tailguard.orders.OrderExecutionService;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.orders.ProposalPoller;
import io.tailguard.orders.StreamingMarketView;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.TradingStateStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's order loop: reconciles with the broker, hands the ledger what finished while the daemon was
 * away ({@link ExecutionHandover#catchUp()}), then polls for approved proposals and works their orders, all on
 * one thread (the execution service is not meant to run two submissions at once); after each pass the ledger
 * gets what finished and what was filled since. Everything runs on the injected clock (the simulated market's,
 * when it replays a session), and the session comes from the exchange calendar ({@code orders.marketHours}).
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
     * Reconciles, catches the ledger up and starts the loop; throws when the reconciliation fails (the broker
     * dropped meanwhile): the daemon tries again later.
     */
    static OrderDesk start(TailguardConfig config, DataSource dataSource, ProposalStore proposals, OrderStore orders,
            IbkrBroker broker, ExecutionHandover ledger, Clock clock, Map<String, String> environment) {
        TradingStateStore tradingState = new TradingStateStore(dataSource, clock);
        TransmissionGates gates = new TransmissionGates(config.trading(), environment);
        // the console's approvals pass the same checks
        ApprovalService approvals = new ApprovalService(proposals, ApprovalRules.checks(config, dataSource, gates, clock),
                config.approval(), clock);
        StreamingMarketView market = new StreamingMarketView(broker, clock, config.trading().limits().maxQuoteAge(),
                config.broker().maxMarketDataLines() / 2).start(); // half the lines stay for snapshots and chain pulls
        OrderExecutionService service = new OrderExecutionService(proposals, orders, tradingState, approvals, broker,
                market, gates, config.orders().working(), clock, Checkpoint.NONE, ledger);
        try {
            service.start(); // reconciles with the broker: fails if the connection drops meanwhile
        } catch (RuntimeException e) {
            service.stop();
            market.close(); // the daemon tries again, with a new view, once the broker is back
            throw e;
        }
        try {
            ledger.catchUp(); // DONE before a crash, never handed over: their cycles open now, once
        } catch (RuntimeException e) {
            log.error("catching the ledger up failed; the order loop tries again after its next pass: {}",
                    e.toString(), e);
        }
        ProposalPoller poller = new ProposalPoller(service, clock, config.orders().reconcileEvery());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tailguard-orders");
            t.setDaemon(true);
            return t;
        });
        // a new broker session (reconnect, gateway restart) means reconciling before anything is sent
        AtomicInteger sessionsSeen = new AtomicInteger(broker.client().sessionsOpened());
        Runnable pass = () -> {
            try {
                int sessions = broker.client().sessionsOpened();
                if (sessionsSeen.getAndSet(sessions) != sessions) {
                    log.info("broker session {} opened: reconciling orders before the next submission", sessions);
                    poller.reconnected();
                }
                poller.run();
                ledger.run();
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
