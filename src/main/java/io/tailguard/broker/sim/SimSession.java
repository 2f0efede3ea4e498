package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import io.tailguard.broker.ibkr.wire.ProtocolException;
import io.tailguard.broker.ibkr.wire.ServerVersion;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API connection: a reader thread that does the handshake and then dispatches each message through
 * the handler table, and a send path serialized per session so that frames from the reader, the tick
 * pusher and delayed replies never interleave.
 */
final class SimSession {
    private static final Logger log = LoggerFactory.getLogger(SimSession.class);
    private static final Pattern VERSION_RANGE = Pattern.compile("v(\\d+)\\.\\.(\\d+)(?: .*)?");
    private static final DateTimeFormatter CONNECTION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss z");
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private final SimGateway gateway;
    private final Socket socket;
    private final int number;
    private final Map<Integer, RequestHandler> handlers;
    private final MessageRateWindow rate;
    private final OutputStream out;
    private final Map<Integer, MarketDataLine> marketData = new ConcurrentHashMap<>();
    private final Set<Integer> openHistorical = ConcurrentHashMap.newKeySet();
    private volatile int clientId = -1;
    private volatile int marketDataType = 1;
    private volatile boolean positionsSubscribed;
    private volatile boolean closed;

    SimSession(SimGateway gateway, Socket socket, int number, Map<Integer, RequestHandler> handlers)
            throws IOException {
        this.gateway = gateway;
        this.socket = socket;
        this.number = number;
        this.handlers = handlers;
        this.rate = new MessageRateWindow(gateway.config().messagesPerSecond(), gateway.clock());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        socket.setTcpNoDelay(true);
    }

    void start() {
        Thread reader = new Thread(this::run, "sim-session-" + number);
        reader.setDaemon(true);
        reader.start();
    }

    SimGateway gateway() {
        return gateway;
    }

    int clientId() {
        return clientId;
    }

    void clientId(int id) {
        clientId = id;
    }

    int marketDataType() {
        return marketDataType;
    }

    void marketDataType(int type) {
        marketDataType = type;
    }

    boolean positionsSubscribed() {
        return positionsSubscribed;
    }

    void positionsSubscribed(boolean on) {
        positionsSubscribed = on;
    }

    /** Streaming market-data lines of this connection by ticker id. */
    Map<Integer, MarketDataLine> marketData() {
        return marketData;
    }

    /** Historical requests kept up to date, open until cancelled. */
    Set<Integer> openHistorical() {
        return openHistorical;
    }

    boolean isOpen() {
        return !closed;
    }

    private void run() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
            if (!handshake(in)) {
                return;
            }
            byte[] payload;
            while (!closed && (payload = FrameCodec.readFrame(in)) != null) {
                int count = rate.record();
                if (rate.exceeded(count)) {
                    send(GatewayMessages.error(-1, TwsCode.MAX_RATE_EXCEEDED.code(), TwsCode.MAX_RATE_EXCEEDED.text()
                            + ":max=" + rate.limit() + " rec=" + count + " (1)"));
                    log.info("session {}: {} messages within one second, disconnecting (error 100)", number, count);
                    return;
                }
                dispatch(payload);
            }
        } catch (IOException e) {
            if (!closed) {
                log.debug("session {} ended: {}", number, e.toString());
            }
        } finally {
            close();
        }
    }

    private boolean handshake(DataInputStream in) throws IOException {
        byte[] prefix = new byte[FrameCodec.HELLO_PREFIX.length];
        in.readFully(prefix);
        if (!Arrays.equals(prefix, FrameCodec.HELLO_PREFIX)) {
            log.info("session {}: no API hello, closing", number);
            return false;
        }
        byte[] rangeFrame = FrameCodec.readFrame(in);
        String range = rangeFrame == null ? "" : new String(rangeFrame, StandardCharsets.US_ASCII).replace("\0", "");
        Matcher m = VERSION_RANGE.matcher(range);
        boolean supported = m.matches() && Integer.parseInt(m.group(1)) <= ServerVersion.REQUIRED
                && ServerVersion.REQUIRED <= Integer.parseInt(m.group(2));
        // Like a TWS that cannot meet the client's range, we still answer with our own version and then
        // close: the client sees a version outside its range and reports it (the peer: 506 unsupported).
        String time = gateway.market().now().atZone(EXCHANGE_ZONE).format(CONNECTION_TIME);
        send(new io.tailguard.broker.ibkr.wire.FieldWriter().add(ServerVersion.REQUIRED).add(time).toBytes());
        if (!supported) {
            log.info("session {}: client range '{}' excludes {}, closing", number, range, ServerVersion.REQUIRED);
        }
        return supported;
    }

    private void dispatch(byte[] payload) {
        FieldReader in = new FieldReader(payload);
        int messageId;
        try {
            messageId = in.readInt();
        } catch (ProtocolException e) {
            log.warn("session {}: unreadable message id: {}", number, e.getMessage());
            return;
        }
        RequestHandler handler = handlers.get(messageId);
        if (handler == null) {
            log.warn("session {}: message id {} not served by the simulated gateway, ignored", number, messageId);
            return;
        }
        try {
            handler.handle(this, in);
        } catch (ProtocolException | IllegalArgumentException | java.time.DateTimeException e) {
            log.warn("session {}: bad message {}: {}", number, messageId, e.getMessage());
            send(GatewayMessages.error(-1, 320, "Error reading request: message " + messageId + ": " + e.getMessage()));
        }
    }

    /** Writes one frame now; a write failure ends the session. */
    void send(byte[] payload) {
        if (closed) {
            return;
        }
        synchronized (out) {
            try {
                out.write(FrameCodec.frame(gateway.faults().pad(payload)));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }
    }

    /** Replies to a request; the reply faults (drop, delay) apply here. */
    void reply(int requestMessageId, List<byte[]> payloads) {
        reply(requestMessageId, payloads, () -> { });
    }

    /** As {@link #reply(int, List)}, running {@code afterSent} once the reply is written or dropped. */
    void reply(int requestMessageId, List<byte[]> payloads, Runnable afterSent) {
        if (!replyWith(requestMessageId, () -> {
            synchronized (out) {
                payloads.forEach(this::send);
            }
            afterSent.run();
        })) {
            afterSent.run();
        }
    }

    /**
     * Runs {@code write} (which sends the reply) now or after the injected reply delay; false when the
     * reply is dropped by a fault and {@code write} never runs.
     */
    boolean replyWith(int requestMessageId, Runnable write) {
        GatewayFaults faults = gateway.faults();
        if (faults.dropsRepliesTo(requestMessageId)) {
            return false;
        }
        Duration delay = faults.replyDelay();
        if (delay.isZero() || !gateway.schedule(write, delay.toNanos(), TimeUnit.NANOSECONDS)) {
            write.run();
        }
        return true;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
        marketData.clear();
        gateway.lines().releaseAll(this);
        openHistorical.forEach(id -> gateway.pacing().closed());
        openHistorical.clear();
        gateway.sessionClosed(this);
    }

    @Override
    public String toString() {
        return "session " + number + " (client " + clientId + ")";
    }
}
