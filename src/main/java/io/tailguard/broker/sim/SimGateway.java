package io.tailguard.broker.sim;

import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.ReplayAnchor;
import io.tailguard.broker.sim.market.SimClock;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TWS-protocol server (server version 193) on 127.0.0.1 that serves a {@link SimMarket} and a
 * {@link SimAccount}, enforces IB's limits (50 messages/s: error 100 and disconnect; market-data lines:
 * 101; historical pacing: 162), matches orders against its own quotes ({@link SimOrderBook}) and lets
 * tests inject faults. One reader thread per connection; ticks of
 * streaming lines are pushed by one scheduler thread every {@code tickInterval}.
 *
 * <pre>{@code
 * try (SimGateway gw = new SimGateway(config.withPort(0), market).start()) {
 *     connect to 127.0.0.1:gw.port() ...
 * }
 * }</pre>
 */
public final class SimGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimGateway.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final SimGatewayConfig config;
    private final SimMarket market;
    private final SimAccount account;
    private final Clock clock;
    private final Map<Integer, RequestHandler> handlers;
    private final MarketDataLineLimit lines;
    private final HistoricalPacing pacing;
    private final GatewayFaults faults = new GatewayFaults();
    private final Set<SimSession> sessions = ConcurrentHashMap.newKeySet();
    private final SimOrderBook orders = new SimOrderBook(this);
    private final Map<Integer, SimSession> clientIds = new ConcurrentHashMap<>();
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final AtomicInteger nextOrderId = new AtomicInteger(1);
    private final AtomicInteger executionRequests = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile ScheduledExecutorService scheduler;
    private volatile int boundPort;
    private volatile boolean linkDown;
    private volatile Thread acceptor;
    private volatile OrderFlowListener orderFlow = new OrderFlowListener() { };

    public SimGateway(SimGatewayConfig config, SimMarket market) {
        this(config, market, Clock.systemUTC());
    }

    /** {@code clock} drives IB's limit windows (message rate, historical pacing), so tests can advance it. */
    public SimGateway(SimGatewayConfig config, SimMarket market, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.market = Objects.requireNonNull(market, "market");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.account = new SimAccount(config.accountId(), config.initialCashUsd());
        for (SimGatewayConfig.InitialPosition p : config.initialPositions()) {
            Contract contract = resolve(p);
            account.setPosition(contract, p.quantity(), p.averageCost() * Math.max(1, contract.multiplier()));
        }
        account.onPositionChange(this::positionChanged);
        this.lines = new MarketDataLineLimit(config.marketDataLineLimit());
        this.pacing = new HistoricalPacing(clock);
        Map<Integer, RequestHandler> table = new HashMap<>();
        ConnectionRequests.register(table);
        ContractRequests.register(table);
        MarketDataRequests.register(table);
        HistoricalRequests.register(table);
        AccountRequests.register(table);
        OrderHandlers.register(table);
        this.handlers = Map.copyOf(table);
        this.boundPort = config.port();
    }

    /**
     * The model market ({@link ModelMarket}) with its default parameters, seeded from {@code config.seed()},
     * system clock for the limits. Call {@link #start()} on it.
     */
    public static SimGateway withModelMarket(SimGatewayConfig config) {
        return withModelMarket(config, MarketModelConfig.defaults());
    }

    /** As {@link #withModelMarket(SimGatewayConfig)} with an explicit market model; its seed is replaced by the gateway's. */
    public static SimGateway withModelMarket(SimGatewayConfig config, MarketModelConfig marketConfig) {
        return new SimGateway(config, ModelMarket.create(marketConfig.withSeed(config.seed())));
    }

    /**
     * The gateway of {@code tailguard sim-gateway} and of {@code tailguard run} with {@code broker.mode: sim}: the
     * model market seeded from {@code config.seed()}, SPX 5900 and UPRO 80 at the close before its start, on
     * {@code marketClock}. A {@link SimClock} (a replay, {@code sim.clock}) is used as it is: the market starts at
     * its anchor, so every market built on the same anchor and seed quotes the same path, and the process that
     * owns the clock and its market agree on the time. Any other clock means the wall clock, the market starting
     * now. IB's limits (message rate, pacing) always run on the wall clock, as they do at IB.
     */
    public static SimGateway embeddedDefault(SimGatewayConfig config, Clock marketClock) {
        MarketModelConfig model = MarketModelConfig.defaults().withSeed(config.seed());
        if (marketClock instanceof SimClock sim && sim.mode() != ClockMode.REAL) {
            Instant start = sim.anchor().map(ReplayAnchor::sim).orElse(sim.instant());
            double speed = sim.anchor().map(ReplayAnchor::speed).orElse(1.0);
            MarketModelConfig replay = model.withStart(start, 5900.0, 80.0).withClock(sim.mode(), speed);
            return new SimGateway(config, new ModelMarket(replay, ExchangeCalendar.nyse(), sim));
        }
        return new SimGateway(config, ModelMarket.create(model.withStart(marketClock.instant(), 5900.0, 80.0)
                .withClock(ClockMode.REAL, 1.0)));
    }

    private Contract resolve(SimGatewayConfig.InitialPosition p) {
        List<ContractDetails> found = p.conId() > 0 ? market.contract(p.conId()).stream().toList()
                : market.contractDetails(Contract.stock(p.symbol()));
        if (found.size() != 1) {
            throw new IllegalArgumentException("simGateway.initialPositions: " + (p.conId() > 0 ? "conId " + p.conId()
                    : "stock " + p.symbol()) + " is not listed by the market (" + found.size() + " matches)");
        }
        return found.get(0).contract();
    }

    /** Binds 127.0.0.1 on the configured port (0 = ephemeral; after a restart, the port first bound). */
    public synchronized SimGateway start() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 50);
            boundPort = socket.getLocalPort();
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("simulated gateway cannot listen on 127.0.0.1:" + boundPort, e);
        }
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-gateway-ticks-" + boundPort);
            t.setDaemon(true);
            return t;
        });
        long interval = config.tickInterval().toNanos();
        exec.scheduleWithFixedDelay(this::pushTicks, interval, interval, TimeUnit.NANOSECONDS);
        scheduler = exec;
        linkDown = false; // a freshly started gateway has its link to IB
        Thread acceptThread = new Thread(() -> acceptLoop(server), "sim-gateway-accept-" + boundPort);
        acceptThread.setDaemon(true);
        acceptThread.start();
        acceptor = acceptThread;
        log.info("simulated gateway listening on 127.0.0.1:{} (account {})", boundPort, config.accountId());
        return this;
    }

    /** Closes the listener and every connection. The account, order ids and pacing history survive. */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        // a listener closed while its accept() is blocked releases the port only when that thread leaves
        // accept(): wait for it, so that a restart can bind the same port at once
        Thread acceptThread = acceptor;
        acceptor = null;
        if (acceptThread != null && acceptThread != Thread.currentThread()) {
            try {
                acceptThread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropAllConnections();
        ScheduledExecutorService exec = scheduler;
        scheduler = null;
        if (exec != null) {
            // delayed replies still queued run now: their sessions are closed so nothing is written, but
            // their completions release snapshot lines and historical-request slots
            exec.shutdownNow().forEach(Runnable::run);
        }
    }

    /** A gateway restart: every client is dropped, then the same port listens again. */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * A restart after which NEXT_VALID_ID starts again at {@code nextValidId}, below ids already used,
     * as a real gateway can after a restart (LEAN IB #242). Orders and executions survive, as at IB: a
     * client that trusts the rolled-back id gets error 103 (duplicate order id).
     */
    public synchronized void restartRollingBackOrderIds(int nextValidId) {
        stop();
        nextOrderId.set(nextValidId);
        start();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return boundPort;
    }

    public boolean isRunning() {
        return server != null;
    }

    public SimGatewayConfig config() {
        return config;
    }

    public SimMarket market() {
        return market;
    }

    public SimAccount account() {
        return account;
    }

    public Clock clock() {
        return clock;
    }

    /** Open API connections. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Market-data lines in use across all connections. */
    public int marketDataLinesInUse() {
        return lines.inUse();
    }

    // ---- fault injection -------------------------------------------------------------------------

    /** Closes every client connection; the listener stays up. */
    public void dropAllConnections() {
        sessions.forEach(SimSession::close);
    }

    /**
     * Sends 1100 / 1101 / 1102 (ERR_MSG, id -1) to every connection, with TWS's behaviour: after 1100 no
     * ticks flow; 1101 ends every streaming line (the client must subscribe again); 1102 resumes them.
     */
    public void sendConnectivityNotice(ConnectivityNotice notice) {
        linkDown = notice == ConnectivityNotice.LOST;
        for (SimSession s : sessions) {
            if (notice == ConnectivityNotice.RESTORED_DATA_LOST) {
                s.marketData().keySet().forEach(tickerId -> lines.release(s, tickerId));
                s.marketData().clear();
            }
            s.send(GatewayMessages.error(-1, notice.twsCode()));
        }
    }

    /** Holds every reply to a request for {@code delay} (zero: reply at once). Pushed ticks are not delayed. */
    public void delayReplies(Duration delay) {
        faults.delayReplies(delay);
    }

    /** Never answers requests with this client message id (e.g. {@code OutgoingMessage.REQ_CONTRACT_DATA}). */
    public void dropRepliesTo(int requestMessageId) {
        faults.dropRepliesTo(requestMessageId);
    }

    /** From now on the contract's quote has its bid above its ask. */
    public void crossQuote(long conId) {
        faults.setQuoteFault(conId, GatewayFaults.QuoteFault.CROSSED);
    }

    /** From now on the contract has no bid and no ask. */
    public void emptyQuote(long conId) {
        faults.setQuoteFault(conId, GatewayFaults.QuoteFault.EMPTY);
    }

    /** Ends a crossed or empty quote fault. */
    public void restoreQuote(long conId) {
        faults.setQuoteFault(conId, null);
    }

    /** START_API with this client id gets error 326 and the connection is closed. */
    public void refuseClientId(int clientId) {
        faults.refuseClientId(clientId);
    }

    /** Ends every fault. */
    public void clearFaults() {
        faults.clear();
    }

    // ---- for the sessions ------------------------------------------------------------------------

    GatewayFaults faults() {
        return faults;
    }

    MarketDataLineLimit lines() {
        return lines;
    }

    HistoricalPacing pacing() {
        return pacing;
    }

    int nextValidId() {
        return nextOrderId.get();
    }

    SimOrderBook orders() {
        return orders;
    }

    /** An order in the gateway's book, open or final, as a test reads it. */
    public record BookOrder(long orderId, long permId, int clientId, String orderRef, OrderSide side,
            BigDecimal quantity, BigDecimal limitPrice, BigDecimal filled, BrokerOrderStatus status) {
    }

    /** An execution the gateway booked, with the commission it reported for it. */
    public record BookExecution(String execId, long orderId, String orderRef, BigDecimal shares, BigDecimal price,
            BigDecimal commission) {
    }

    /** Every order the book holds (all clients, open and final), in the order they were placed. */
    public List<BookOrder> bookOrders() {
        return orders.orders(o -> true).stream().map(SimGateway::view).toList();
    }

    /** Every execution booked so far, in order. */
    public List<BookExecution> bookExecutions() {
        return orders.executions(e -> true).stream().map(SimGateway::view).toList();
    }

    /**
     * REQ_EXECUTIONS requests received so far, from every client and across restarts. A client that
     * reconciles its orders asks for them last; a test waits on this count for a client process to be
     * past its start-up (its database open, its orders reconciled) without reading its log.
     */
    public int executionRequests() {
        return executionRequests.get();
    }

    void executionsRequested() {
        executionRequests.incrementAndGet();
    }

    /** One listener for the book's order flow (null to remove it); see {@link OrderFlowListener}. */
    public void onOrderFlow(OrderFlowListener listener) {
        orderFlow = listener == null ? new OrderFlowListener() { } : listener;
    }

    OrderFlowListener orderFlow() {
        return orderFlow;
    }

    static BookOrder view(SimOrder o) {
        return new BookOrder(o.orderId, o.permId, o.clientId, o.orderRef, o.side, o.quantity, o.limitPrice, o.filled,
                o.status);
    }

    static BookExecution view(SimExecution e) {
        return new BookExecution(e.execId(), e.orderId(), e.orderRef(), e.shares(), e.price(), e.commission());
    }

    /** An order id was taken: NEXT_VALID_ID moves past it (REQ_IDS then answers above it). */
    void orderIdUsed(long orderId) {
        nextOrderId.accumulateAndGet((int) Math.min(Integer.MAX_VALUE, orderId + 1), Math::max);
    }

    /** The open connection of a client id, or null: order events go to the client that placed the order. */
    SimSession session(int clientId) {
        SimSession s = clientIds.get(clientId);
        return s != null && s.isOpen() ? s : null;
    }

    /** The quote as clients see it (faults applied), or null for an unknown contract. */
    Quote quote(long conId) {
        return market.quote(conId).map(q -> faults.apply(conId, q)).orElse(null);
    }

    /** False when the id is refused or held by another open connection (error 326). */
    boolean claimClientId(SimSession session, int clientId) {
        if (faults.refuses(clientId)) {
            return false;
        }
        SimSession holder = clientIds.compute(clientId, (id, old) -> old == null || !old.isOpen() ? session : old);
        if (holder != session) {
            return false;
        }
        session.clientId(clientId);
        return true;
    }

    /** Runs a task later on the scheduler; false when the gateway is stopping. */
    boolean schedule(Runnable task, long delay, TimeUnit unit) {
        ScheduledExecutorService exec = scheduler;
        if (exec == null) {
            return false;
        }
        try {
            exec.schedule(task, delay, unit);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** TWS pushes every position change (fills, exercise, assignment, expiry) to the clients subscribed to positions. */
    private void positionChanged(Position position) {
        byte[] message = GatewayMessages.position(position);
        for (SimSession s : sessions) {
            if (s.positionsSubscribed()) {
                s.send(message);
            }
        }
    }

    void sessionClosed(SimSession session) {
        sessions.remove(session);
        clientIds.remove(session.clientId(), session);
    }

    private void acceptLoop(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                SimSession session = new SimSession(this, socket, sessionNumbers.incrementAndGet(), handlers);
                sessions.add(session);
                if (listener.isClosed()) {
                    session.close();
                    return;
                }
                session.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log.warn("simulated gateway accept failed: {}", e.toString());
                }
            }
        }
    }

    private void pushTicks() {
        if (linkDown) {
            return;
        }
        try {
            for (SimSession s : sessions) {
                MarketDataRequests.pushChanges(s);
            }
            orders.onTick();
            ExpirySettlement.settle(this);
        } catch (RuntimeException e) {
            log.warn("tick push failed", e);
        }
    }
}
