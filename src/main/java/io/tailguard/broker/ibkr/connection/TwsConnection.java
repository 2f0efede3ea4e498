package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.decode.MessageDecoder;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket to TWS: handshake, a reader thread that decodes and dispatches every frame, a writer
 * thread that paces every outgoing message, and a supervisor that reconnects with exponential backoff
 * when the socket drops (or TWS's link stays lost after 1100), including on 326 "client id in use".
 * Each socket gets a generation number; a message queued for an older generation is never written to
 * a newer socket, because after a reconnect the request layer re-queues everything still open.
 * {@link #connect()} gives up after the connect timeout; {@link #connectInBackground()} never does (a daemon
 * started before TWS, or while TWS still holds its client id). {@link #health()} says how it has fared.
 * Every wait (pacing, backoff, timeouts) is measured on the injected {@link Ticker}; the socket's own
 * connect and read timeouts during the hello are the operating system's.
 */
public final class TwsConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwsConnection.class);

    private final IbkrClientConfig config;
    private final ConnectionListener listener;
    private final Clock clock;
    private final Ticker ticker;
    private final Pacer pacer;
    private final Outbox outbox;
    private final Object lock = new Object();

    // guarded by lock
    private ConnectionState state = ConnectionState.IDLE;
    private long generation;
    private long sessionGeneration = -1; // the generation whose handshake completed
    private Socket socket;
    private Handshake handshake;
    private ConnectInfo info;
    private boolean wanted;
    private CompletableFuture<ConnectInfo> firstConnect;
    private final ReconnectBackoff backoff;
    private Thread supervisor;
    private Thread writer;
    private BrokerException lastFailure;
    private int sessionsOpened;
    private volatile boolean persistent;
    private ConnectionHealth health = ConnectionHealth.initial();

    public TwsConnection(IbkrClientConfig config, ConnectionListener listener) {
        this(config, listener, Clock.systemUTC(), Ticker.system());
    }

    /**
     * {@code clock} stamps {@link #health()}: connection events happen in wall-clock time. {@code ticker}
     * measures every wait: the pacing slots, the backoff between attempts, the connect timeout.
     */
    public TwsConnection(IbkrClientConfig config, ConnectionListener listener, Clock clock, Ticker ticker) {
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.ticker = ticker;
        this.pacer = new Pacer(config.messagesPerSecond(), ticker);
        this.outbox = new Outbox(pacer, ticker, this::onWriteFailed);
        this.backoff = new ReconnectBackoff(config.reconnectInitialBackoff(), config.reconnectMaxBackoff());
    }

    /**
     * Connects and completes the handshake, waiting up to the connect timeout; afterwards the
     * connection keeps itself up until {@link #close()}. Idempotent.
     */
    public ConnectInfo connect() {
        CompletableFuture<ConnectInfo> first;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "connection to TWS is closed");
            }
            if (state == ConnectionState.CONNECTED || state == ConnectionState.LINK_LOST) {
                return info;
            }
            if (firstConnect == null || firstConnect.isDone()) {
                firstConnect = new CompletableFuture<>();
            }
            first = firstConnect;
            lastFailure = null;
            wantConnection();
        }
        try {
            return ticker.await(first, config.connectTimeout());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BrokerException b ? b
                    : new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            BrokerException cause;
            synchronized (lock) {
                wanted = persistent; // a failed first connect keeps trying only if asked to
                cause = lastFailure;
                lock.notifyAll();
            }
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, cause == null ? 0 : cause.code(),
                    "could not connect to TWS at " + config.host() + ":" + config.port() + " within "
                            + config.connectTimeout() + (cause == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "interrupted while connecting");
        }
    }

    /**
     * Starts connecting and returns at once. Unlike {@link #connect()} this never gives up: attempts go on
     * with backoff up to {@code reconnectMaxBackoff}, each failure logged once as a warning, until TWS
     * answers; from then on the connection keeps itself up as after any connect. Idempotent.
     */
    public void connectInBackground() {
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "connection to TWS is closed");
            }
            persistent = true;
            if (state != ConnectionState.CONNECTED && state != ConnectionState.LINK_LOST) {
                wantConnection();
            }
        }
    }

    /** Under the lock: starts (or wakes) the writer and the supervisor, which then connect. */
    private void wantConnection() {
        wanted = true;
        health = health.requested(clock.instant());
        if (writer == null) {
            writer = start("tws-writer", outbox::writeLoop);
        }
        if (supervisor == null) {
            supervisor = start("tws-connect", this::superviseLoop);
        }
        lock.notifyAll();
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** How the connection has fared so far; see {@link ConnectionHealth}. */
    public ConnectionHealth health() {
        synchronized (lock) {
            return health.withState(state);
        }
    }

    public ConnectInfo info() {
        synchronized (lock) {
            return info;
        }
    }

    public long messagesSent() {
        return pacer.messagesSent();
    }

    /** Messages handed to the writer so far, written or not yet (the benchmark's marker). */
    public long messagesQueued() {
        return outbox.queued();
    }

    /** Messages written to a socket so far. */
    public long messagesWritten() {
        return outbox.written();
    }

    /** The {@link Ticker} reading of the last write to the socket (the benchmark's "on the wire"). */
    public long lastWriteNanos() {
        return outbox.lastWrittenNanos();
    }

    /** Handshakes completed so far: 1 + the number of reconnects. */
    public int sessionsOpened() {
        synchronized (lock) {
            return sessionsOpened;
        }
    }

    /**
     * Runs {@code register} and queues {@code payload} atomically with respect to reconnects: when not
     * connected the payload is not queued, and the request layer re-sends it from its registry once the
     * connection is ready. Returns whether it was queued now.
     */
    public boolean registerAndSend(Runnable register, byte[] payload) {
        synchronized (lock) {
            register.run();
            if (state == ConnectionState.CONNECTED || state == ConnectionState.LINK_LOST) {
                outbox.add(generation, payload);
                return true;
            }
            return false;
        }
    }

    /** Queues a message for the current socket; dropped when not connected (cancels, for instance). */
    public boolean sendIfConnected(byte[] payload) {
        return registerAndSend(() -> { }, payload);
    }

    @Override
    public void close() {
        Socket s;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = ConnectionState.CLOSED;
            wanted = false;
            s = socket;
            socket = null;
            generation++;
            outbox.close();
            lock.notifyAll();
        }
        closeQuietly(s);
        for (Thread t : new Thread[] {supervisor, writer}) {
            if (t != null) {
                t.interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- supervisor

    private void superviseLoop() {
        while (true) {
            synchronized (lock) {
                while (state != ConnectionState.CLOSED && (!wanted || state == ConnectionState.CONNECTED
                        || state == ConnectionState.LINK_LOST)) {
                    if (!waitQuietly()) {
                        return;
                    }
                }
                if (state == ConnectionState.CLOSED) {
                    return;
                }
                state = ConnectionState.CONNECTING;
            }
            try {
                attempt();
                backoff.reset();
            } catch (BrokerException e) {
                // a TWS of the wrong version does not change by itself: a blocking connect gives up, a
                // background one tries again at the slowest pace (the trader may install a newer TWS)
                boolean fatal = e.kind() == BrokerErrorKind.PROTOCOL && !persistent;
                Duration wait = backoff.afterFailure(e);
                log.warn("connect to TWS {}:{} failed ({}), {}", config.host(), config.port(), e.getMessage(),
                        fatal ? "giving up" : "retrying in " + wait);
                synchronized (lock) {
                    lastFailure = e;
                    health = health.attemptFailed(clock.instant(), e.getMessage());
                    handshake = null;
                    if (state != ConnectionState.CLOSED) {
                        state = ConnectionState.IDLE;
                    }
                    if (e.kind() == BrokerErrorKind.PROTOCOL && firstConnect != null) {
                        firstConnect.completeExceptionally(e);
                    }
                    if (fatal) {
                        wanted = false;
                        continue;
                    }
                    long until = ticker.deadlineAfter(wait);
                    while (state != ConnectionState.CLOSED && wanted && !ticker.reached(until)) {
                        if (!waitQuietly(until)) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * One connection attempt: socket, hello, version check, START_API, then MANAGED_ACCTS + NEXT_VALID_ID.
     * Fails with a {@link BrokerException}, the socket closed.
     */
    private void attempt() {
        Handshake hs = new Handshake();
        Handshake.Dialed dialed;
        try {
            dialed = Handshake.dial(config);
        } catch (BrokerException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 502, "could not connect: " + e, e);
        }
        Socket s = dialed.socket();
        OutputStream o = dialed.out();
        DataInputStream in = dialed.in();
        long gen;
        try {
            hs.serverVersion = dialed.serverVersion();
            hs.connectionTime = dialed.connectionTime();
            synchronized (lock) {
                if (state == ConnectionState.CLOSED) {
                    throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "closed while connecting");
                }
                gen = ++generation;
                socket = s;
                handshake = hs;
            }
            start("tws-reader-" + gen, () -> readLoop(gen, s, in));
            ConnectInfo done = hs.startApi(o, config, pacer, ticker);
            synchronized (lock) {
                if (generation != gen || state == ConnectionState.CLOSED) {
                    throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "socket dropped during the handshake");
                }
                info = done;
                sessionsOpened++;
                sessionGeneration = gen;
                health = health.sessionOpened(clock.instant());
                handshake = null;
                outbox.switchTo(gen, o);
                listener.onReady(done, p -> outbox.add(gen, p));
                state = ConnectionState.CONNECTED;
                if (firstConnect != null) {
                    firstConnect.complete(done);
                }
            }
            log.info("connected to TWS {}:{} (server version {}, accounts {}, next order id {})", config.host(),
                    config.port(), done.serverVersion(), done.managedAccounts(), done.nextValidId());
        } catch (BrokerException e) {
            dropSocket(s);
            throw e;
        } catch (RuntimeException e) {
            dropSocket(s);
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 502, "could not connect: " + e, e);
        }
    }

    // ---------------------------------------------------------------- reader and writer

    private void readLoop(long gen, Socket s, DataInputStream in) {
        String reason = "TWS closed the socket";
        try {
            byte[] payload;
            while ((payload = FrameCodec.readFrame(in)) != null) {
                dispatch(payload);
            }
        } catch (IOException e) {
            reason = "socket error: " + e.getMessage();
        }
        onSocketGone(gen, s, reason);
    }

    private void dispatch(byte[] payload) {
        TwsEvent event;
        try {
            event = MessageDecoder.decode(payload);
        } catch (RuntimeException e) {
            // one bad message must not take the connection down
            log.error("could not decode message id {}: {}", MessageDecoder.messageId(payload), e.getMessage());
            return;
        }
        if (event instanceof TwsEvent.Unhandled u) {
            log.debug("skipping message id {} ({} fields): not handled", u.messageId(), u.fieldCount());
            return;
        }
        Handshake hs;
        synchronized (lock) {
            hs = handshake;
        }
        if (hs != null) {
            hs.observe(event);
        }
        if (event instanceof TwsEvent.ErrorMessage e && e.id() < 0) {
            onConnectionNotice(e.code());
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.error("handler failed on {}: {}", event.getClass().getSimpleName(), e.toString(), e);
        }
    }

    private void onConnectionNotice(int code) {
        synchronized (lock) {
            if (code == ErrorClassifier.LINK_LOST && state == ConnectionState.CONNECTED) {
                state = ConnectionState.LINK_LOST;
                long gen = generation;
                // TWS normally follows with 1101 / 1102; if it does not, start over with a fresh socket
                start("tws-link-watch", () -> {
                    synchronized (lock) {
                        long until = ticker.deadlineAfter(config.reconnectMaxBackoff());
                        while (generation == gen && state == ConnectionState.LINK_LOST && !ticker.reached(until)) {
                            if (!waitQuietly(until)) {
                                return;
                            }
                        }
                        if (generation == gen && state == ConnectionState.LINK_LOST) {
                            log.warn("TWS link still lost after {}: reconnecting", config.reconnectMaxBackoff());
                            dropSocket(socket);
                        }
                    }
                });
            } else if (code == ErrorClassifier.RESTORED_DATA_LOST || code == ErrorClassifier.RESTORED_DATA_KEPT) {
                if (state == ConnectionState.LINK_LOST) {
                    state = ConnectionState.CONNECTED;
                }
                if (code == ErrorClassifier.RESTORED_DATA_LOST && state == ConnectionState.CONNECTED) {
                    long gen = generation;
                    listener.onMarketDataLost(p -> outbox.add(gen, p));
                }
                lock.notifyAll();
            }
        }
    }

    private void onSocketGone(long gen, Socket s, String reason) {
        closeQuietly(s);
        synchronized (lock) {
            if (generation != gen || state == ConnectionState.CLOSED) {
                return;
            }
            generation++;
            socket = null;
            outbox.switchTo(generation, null);
            if (handshake != null) {
                handshake.result.completeExceptionally(handshake.failure(reason));
                return;
            }
            if (sessionGeneration != gen) {
                return; // a refused handshake (326, say): the supervisor has reported it and retries; no session ended
            }
            log.warn("disconnected from TWS: {}; reconnecting", reason);
            health = health.sessionLost(clock.instant(), reason);
            // before the state says so: whoever sees the connection down must also see what the
            // listener invalidated (a position cache no longer complete), never a stale "complete"
            listener.onDisconnected(reason);
            state = ConnectionState.IDLE;
            lock.notifyAll();
        }
    }

    private void onWriteFailed(long gen) {
        synchronized (lock) {
            if (gen == generation) {
                dropSocket(socket);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void dropSocket(Socket s) {
        closeQuietly(s); // the reader sees the close and reports the socket gone
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Under the lock: waits to be notified; false when interrupted (closing). */
    private boolean waitQuietly() {
        try {
            lock.wait();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Under the lock: waits to be notified or until the ticker reaches {@code until}; false when interrupted. */
    private boolean waitQuietly(long until) {
        try {
            ticker.awaitUntil(lock, until);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
