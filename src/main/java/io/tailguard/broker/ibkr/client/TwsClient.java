package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.PositionListener;
import io.tailguard.broker.PositionSubscription;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.connection.ConnectInfo;
import io.tailguard.broker.ibkr.connection.ConnectionHealth;
import io.tailguard.broker.ibkr.connection.ConnectionListener;
import io.tailguard.broker.ibkr.connection.ConnectionState;
import io.tailguard.broker.ibkr.connection.Ticker;
import io.tailguard.broker.ibkr.connection.TwsConnection;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.request.RequestEncoder;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our TWS API client: requests correlated by id and exposed as futures (each with a timeout) or
 * streams. Errors are classified once ({@link ErrorClassifier}) and fail the request they name when
 * their category says so. A request made while disconnected is kept and sent once the connection is
 * back; if that does not happen within its timeout it fails with CONNECTIVITY, and an answer that does
 * not come in time fails it with TIMEOUT. After a reconnect the market data type is set again and
 * every open request and stream is re-sent. Timeouts, like the connection's pacing and backoff, run on
 * the injected {@link Ticker}.
 */
public final class TwsClient implements ConnectionListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwsClient.class);
    /** Request ids start far above order ids, so an ERR_MSG id is never ambiguous between the two. */
    static final int FIRST_REQUEST_ID = 100_000_000;
    /** Market-data requests the gateway may not have read yet; see {@link ReadAheadGate}. */
    static final int READ_AHEAD = 4;

    private final IbkrClientConfig config;
    private final Clock clock;
    private final Ticker ticker;
    private final TwsConnection connection;
    private final MarketDataLines lines;
    private final ReadAheadGate readAhead;
    private final DeadlineTimer timer;
    private final Map<Integer, PendingRequest<?>> open = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequestId = new AtomicInteger(FIRST_REQUEST_ID);
    private volatile int nextValidOrderId = -1;
    private final List<Consumer<TwsEvent>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code clock} stamps the quotes; the connection's health is stamped on the wall clock. */
    public TwsClient(IbkrClientConfig config, Clock clock) {
        this(config, clock, Clock.systemUTC(), Ticker.system());
    }

    /**
     * As {@link #TwsClient(IbkrClientConfig, Clock)}, with the wall clock for the connection's health and the
     * ticker that every wait is measured on (a test's fake, which stands still until the test advances it).
     */
    public TwsClient(IbkrClientConfig config, Clock clock, Clock wall, Ticker ticker) {
        this.config = config;
        this.clock = clock;
        this.ticker = ticker;
        this.connection = new TwsConnection(config, this, wall, ticker);
        this.lines = new MarketDataLines(config.maxMarketDataLines(), ticker);
        this.timer = new DeadlineTimer(ticker, "tws-timeouts");
        this.readAhead = new ReadAheadGate(READ_AHEAD, ticker, timer, Duration.ofSeconds(1));
    }

    public ConnectInfo connect() {
        return connection.connect();
    }

    /** Connects in the background and never gives up (see {@link TwsConnection#connectInBackground()}). */
    public void connectInBackground() {
        connection.connectInBackground();
    }

    public ConnectionState state() {
        return connection.state();
    }

    public ConnectionHealth health() {
        return connection.health();
    }

    public ConnectInfo info() {
        return connection.info();
    }

    public long messagesSent() {
        return connection.messagesSent();
    }

    /** Messages handed to the writer so far (see {@link TwsConnection#messagesQueued()}). */
    public long messagesQueued() {
        return connection.messagesQueued();
    }

    /** Messages written to the socket so far. */
    public long messagesWritten() {
        return connection.messagesWritten();
    }

    /** The {@link #ticker()} reading of the last write to the socket. */
    public long lastWriteNanos() {
        return connection.lastWriteNanos();
    }

    /** Handshakes completed so far: 1 + the number of reconnects. */
    public int sessionsOpened() {
        return connection.sessionsOpened();
    }

    public MarketDataLines lines() {
        return lines;
    }

    public int nextValidOrderId() {
        return nextValidOrderId;
    }

    public IbkrClientConfig config() {
        return config;
    }

    /** The ticker this client measures its waits on; a chain pull's deadline runs on it too. */
    public Ticker ticker() {
        return ticker;
    }

    /**
     * Sees every decoded event after the request layer has routed it, on the reader thread (keep it
     * quick). This is where the orders layer will take ORDER_STATUS, OPEN_ORDER, EXECUTION_DATA and the
     * ERR_MSGs that name order ids.
     */
    public void addListener(Consumer<TwsEvent> listener) {
        listeners.add(listener);
    }

    // ---------------------------------------------------------------- requests

    public CompletableFuture<List<ContractDetails>> contractDetails(ContractSpec spec, String what, Duration timeout) {
        return contractDetails(spec, what, timeout, d -> { });
    }

    /**
     * As {@link #contractDetails(ContractSpec, String, Duration)}, also handing each contract to
     * {@code onEach} as it arrives (on the reader thread), so a caller can act before the list ends.
     * After a reconnect the list starts over, so {@code onEach} may see a contract twice.
     */
    public CompletableFuture<List<ContractDetails>> contractDetails(ContractSpec spec, String what, Duration timeout,
            Consumer<ContractDetails> onEach) {
        int id = nextId();
        return submit(new CollectingRequest<>(id, "contract details of " + what,
                RequestEncoder.reqContractData(id, spec),
                e -> {
                    if (e instanceof TwsEvent.ContractData d) {
                        onEach.accept(d.details());
                        return d.details();
                    }
                    return null;
                },
                e -> e instanceof TwsEvent.ContractDataEnd, null, null), timeout);
    }

    public CompletableFuture<List<OptionChainDefinition>> optionParameters(String symbol, String secType, long conId,
            Duration timeout) {
        int id = nextId();
        return submit(new CollectingRequest<>(id, "option parameters of " + symbol,
                RequestEncoder.reqSecDefOptParams(id, symbol, "", secType, conId),
                e -> e instanceof TwsEvent.SecDefOptParams p ? p.definition() : null,
                e -> e instanceof TwsEvent.SecDefOptParamsEnd, null, null), timeout);
    }

    /**
     * A snapshot quote. Takes a market-data line first (waiting up to the timeout for one), and
     * gives it back when the snapshot ends, fails or times out.
     */
    public CompletableFuture<MarketSnapshot> snapshot(ContractSpec spec, String what, Duration timeout) {
        long start = ticker.nanos();
        if (!lines.acquire(timeout)) {
            return CompletableFuture.failedFuture(new BrokerException(BrokerErrorKind.TIMEOUT, 0,
                    "no market-data line free within " + timeout + " for " + what + " (" + lines.max()
                            + " in use)"));
        }
        Runnable unread = readAhead.acquire(timeout.minusNanos(ticker.nanos() - start));
        if (unread == null) {
            lines.release();
            return CompletableFuture.failedFuture(new BrokerException(BrokerErrorKind.TIMEOUT, 0,
                    "TWS did not read our market-data requests within " + timeout + " (" + what + " not sent)"));
        }
        int id = nextId();
        SnapshotRequest request = new SnapshotRequest(id, "quote of " + what,
                RequestEncoder.reqMktData(id, spec, "", true, false), clock);
        request.onFirstReply = unread;
        request.future.whenComplete((v, t) -> {
            unread.run();
            lines.release();
        });
        return submit(request, timeout.minusNanos(ticker.nanos() - start));
    }

    /** A streaming quote; the subscription holds a line until closed and survives reconnects. */
    public QuoteSubscription subscribe(ContractSpec spec, String what, String genericTicks, Consumer<Quote> listener) {
        if (!lines.acquire(config.requestTimeout())) {
            throw new BrokerException(BrokerErrorKind.PACING, ErrorClassifier.MAX_TICKERS_REACHED,
                    "no market-data line free for " + what + " (" + lines.max() + " in use)");
        }
        int id = nextId();
        StreamRequest request = new StreamRequest(id, "quotes of " + what,
                RequestEncoder.reqMktData(id, spec, genericTicks, false, false), clock, listener);
        request.future.whenComplete((v, t) -> lines.release());
        register(request);
        return () -> {
            if (open.remove(id) != null) {
                connection.sendIfConnected(request.cancelPayload());
            }
            request.future.complete(null);
        };
    }

    public CompletableFuture<List<DailyBar>> historicalData(ContractSpec spec, String what, String duration,
            String barSize, String whatToShow, Duration timeout) {
        int id = nextId();
        CompletableFuture<List<List<DailyBar>>> f = submit(new CollectingRequest<>(id, "history of " + what,
                RequestEncoder.reqHistoricalData(id, spec, "", duration, barSize, whatToShow, true, 1, false),
                e -> e instanceof TwsEvent.HistoricalData h ? h.bars() : null,
                e -> e instanceof TwsEvent.HistoricalData, null, null), timeout);
        return f.thenApply(l -> l.isEmpty() ? List.of() : l.get(0));
    }

    /**
     * The positions, once: REQ_POSITIONS, the list up to POSITION_END, then CANCEL_POSITIONS — unless a
     * {@link #streamPositions position stream} is open. TWS keeps one position subscription per client,
     * so that cancel would end the stream too; the stream sees this list as well (a full list again).
     */
    public CompletableFuture<List<Position>> positions(Duration timeout) {
        int id = nextId();
        return submit(new CollectingRequest<>(id, "positions", RequestEncoder.reqPositions(),
                e -> e instanceof TwsEvent.PositionData p ? p.position() : null,
                e -> e instanceof TwsEvent.PositionEnd,
                e -> e instanceof TwsEvent.PositionData || e instanceof TwsEvent.PositionEnd,
                RequestEncoder.cancelPositions()) {
            @Override
            byte[] cancelAfterEnd() {
                return positionStreamOpen() ? null : super.cancelAfterEnd();
            }

            @Override
            byte[] cancelPayload() {
                return cancelAfterEnd();
            }
        }, timeout);
    }

    /**
     * Keeps REQ_POSITIONS subscribed: the listener gets the full list, its end, then every change. After a
     * reconnect the request is sent again (the listener hears {@code onInterrupted} when the connection
     * drops and again just before the re-send). Closing sends CANCEL_POSITIONS when no other stream is open.
     */
    public PositionSubscription streamPositions(PositionListener listener) {
        PositionStreamRequest request = new PositionStreamRequest(nextId(), listener);
        register(request);
        return () -> {
            if (open.remove(request.reqId) != null) {
                request.future.complete(null);
                if (!positionStreamOpen()) {
                    connection.sendIfConnected(request.cancelPayload());
                }
            }
        };
    }

    private boolean positionStreamOpen() {
        return open.values().stream().anyMatch(r -> r instanceof PositionStreamRequest);
    }

    public CompletableFuture<List<TwsEvent.AccountSummaryValue>> accountSummary(String tags, Duration timeout) {
        int id = nextId();
        return submit(new CollectingRequest<>(id, "account summary", RequestEncoder.reqAccountSummary(id, "All", tags),
                e -> e instanceof TwsEvent.AccountSummaryValue v ? v : null,
                e -> e instanceof TwsEvent.AccountSummaryEnd, null,
                RequestEncoder.cancelAccountSummary(id)), timeout);
    }

    public CompletableFuture<MarketRule> marketRule(int ruleId, Duration timeout) {
        Predicate<TwsEvent> ours = e -> e instanceof TwsEvent.MarketRuleData r && r.marketRuleId() == ruleId;
        return single(new CollectingRequest<>(nextId(), "market rule " + ruleId, RequestEncoder.reqMarketRule(ruleId),
                e -> e instanceof TwsEvent.MarketRuleData r ? new MarketRule(r.marketRuleId(), r.increments()) : null,
                ours, ours, null), timeout);
    }

    public CompletableFuture<Instant> currentTime(Duration timeout) {
        Predicate<TwsEvent> ours = e -> e instanceof TwsEvent.CurrentTime;
        return single(new CollectingRequest<>(nextId(), "current time", RequestEncoder.reqCurrentTime(),
                e -> e instanceof TwsEvent.CurrentTime t ? Instant.ofEpochSecond(t.epochSeconds()) : null,
                ours, ours, null), timeout);
    }

    /** REQ_IDS: the next valid order id as TWS sees it now. */
    public CompletableFuture<Integer> requestNextValidId(Duration timeout) {
        Predicate<TwsEvent> ours = e -> e instanceof TwsEvent.NextValidId;
        return single(new CollectingRequest<>(nextId(), "next valid id", RequestEncoder.reqIds(1),
                e -> e instanceof TwsEvent.NextValidId n ? n.orderId() : null, ours, ours, null), timeout);
    }

    /**
     * Writes an order message (PLACE_ORDER, CANCEL_ORDER) now or not at all: an order must never be
     * queued for a later reconnect, where it could go out after the orders core has decided otherwise.
     */
    public void sendOrderMessage(byte[] payload, String what) {
        if (!connection.sendIfConnected(payload)) {
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 504, "not connected to TWS: " + what
                    + " was not sent");
        }
    }

    @Override
    public void close() {
        connection.close();
        timer.close();
        BrokerException closed = new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "client closed");
        open.values().forEach(r -> r.future.completeExceptionally(closed));
        open.clear();
    }

    // ---------------------------------------------------------------- correlation

    int nextId() {
        return nextRequestId.getAndIncrement();
    }

    private <T> CompletableFuture<T> single(CollectingRequest<T> request, Duration timeout) {
        return submit(request, timeout).thenApply(l -> l.get(0));
    }

    <T> CompletableFuture<T> submit(PendingRequest<T> request, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofMillis(1);
        }
        Duration limit = timeout;
        timer.schedule(() -> expire(request, limit), timeout);
        request.future.whenComplete((v, t) -> {
            open.remove(request.reqId, request);
            if (t == null && request instanceof CollectingRequest<?> c && c.cancelAfterEnd() != null) {
                connection.sendIfConnected(c.cancelAfterEnd());
            }
        });
        register(request);
        return request.future;
    }

    private void register(PendingRequest<?> request) {
        boolean queued = connection.registerAndSend(() -> open.put(request.reqId, request), request.payload());
        request.sent |= queued;
    }

    private void expire(PendingRequest<?> request, Duration timeout) {
        if (request.future.isDone()) {
            return;
        }
        BrokerException failure = request.sent
                ? new BrokerException(BrokerErrorKind.TIMEOUT, 0, "no answer to the request for " + request.what
                        + " within " + timeout)
                : new BrokerException(BrokerErrorKind.CONNECTIVITY, 504, "not connected to TWS at " + config.host()
                        + ":" + config.port() + " within " + timeout + ": " + request.what + " was not sent");
        if (request.future.completeExceptionally(failure) && request.sent && request.cancelPayload() != null) {
            connection.sendIfConnected(request.cancelPayload());
        }
    }

    // ---------------------------------------------------------------- connection events

    @Override
    public void onEvent(TwsEvent event) {
        route(event);
        for (Consumer<TwsEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error("event listener failed on {}: {}", event.getClass().getSimpleName(), e.toString(), e);
            }
        }
    }

    private void route(TwsEvent event) {
        if (event instanceof TwsEvent.ErrorMessage e) {
            ErrorRouting.route(e, open);
        } else if (event instanceof TwsEvent.Correlated c) {
            PendingRequest<?> request = open.get(c.reqId());
            if (request != null) {
                request.replied();
                request.onEvent(c);
            } else if (!(c instanceof TwsEvent.TickReqParams)) {
                log.debug("{} for request {} that is no longer open", c.getClass().getSimpleName(), c.reqId());
            }
        } else {
            if (event instanceof TwsEvent.NextValidId n) {
                nextValidOrderId = n.orderId();
            }
            routeUncorrelated(event);
        }
    }

    private void routeUncorrelated(TwsEvent event) {
        if (event instanceof TwsEvent.PositionData || event instanceof TwsEvent.PositionEnd) {
            open.values().stream().filter(r -> r instanceof PositionStreamRequest)
                    .sorted(Comparator.comparingInt(r -> r.reqId)).forEach(r -> r.onEvent(event));
        }
        open.values().stream()
                .filter(r -> r instanceof CollectingRequest<?> c && c.acceptsUncorrelated(event))
                .min(Comparator.comparingInt(r -> r.reqId))
                .ifPresent(r -> r.onEvent(event));
    }

    @Override
    public void onReady(ConnectInfo info, Consumer<byte[]> send) {
        nextValidOrderId = info.nextValidId();
        send.accept(RequestEncoder.reqMarketDataType(config.marketDataType()));
        List<PendingRequest<?>> resend = open.values().stream()
                .filter(PendingRequest::resendOnReconnect)
                .sorted(Comparator.comparingInt(r -> r.reqId))
                .toList();
        if (!resend.isEmpty()) {
            log.info("re-sending {} open requests after connecting", resend.size());
        }
        for (PendingRequest<?> r : resend) {
            r.reset();
            send.accept(r.payload());
            r.sent = true;
        }
    }

    @Override
    public void onMarketDataLost(Consumer<byte[]> send) {
        send.accept(RequestEncoder.reqMarketDataType(config.marketDataType()));
        open.values().stream().filter(PendingRequest::isStream).sorted(Comparator.comparingInt(r -> r.reqId))
                .forEach(r -> {
                    send.accept(r.cancelPayload());
                    send.accept(r.payload());
                });
    }

    @Override
    public void onDisconnected(String reason) {
        log.warn("TWS connection lost ({}); {} open requests wait for the reconnect", reason, open.size());
        open.values().stream().filter(r -> r instanceof PositionStreamRequest)
                .forEach(r -> ((PositionStreamRequest) r).interrupted());
    }

}
