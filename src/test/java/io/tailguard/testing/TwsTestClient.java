package io.tailguard.testing;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.FieldWriter;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw TWS API client for gateway tests: sends frames built with {@link FieldWriter} and records every
 * frame it receives, to be awaited (never slept for) and decoded with {@link FieldReader}.
 */
public final class TwsTestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One received message: its id and the reader positioned after the id. */
    public record Received(int id, byte[] payload) {
        public FieldReader reader() {
            FieldReader r = new FieldReader(payload);
            r.readInt();
            return r;
        }

        public List<String> fields() {
            return FieldReader.split(payload);
        }

        /** The field at {@code index} as an int; index 0 is the message id. */
        public int intAt(int index) {
            return Integer.parseInt(fields().get(index));
        }

        /** For ERR_MSG: the request id, else meaningless. */
        public int errorId() {
            FieldReader r = reader();
            r.readInt();
            return r.readInt();
        }

        public int errorCode() {
            FieldReader r = reader();
            r.skip(2);
            return r.readInt();
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final List<Received> received = new ArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private List<String> handshake;

    private TwsTestClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        out = socket.getOutputStream();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /** Connects, sends the hello with the given range and reads the server's version frame. */
    public static TwsTestClient handshake(int port, int minVersion, int maxVersion) {
        try {
            TwsTestClient c = new TwsTestClient(port);
            c.out.write(FrameCodec.clientHello(minVersion, maxVersion, null));
            c.out.flush();
            byte[] reply = FrameCodec.readFrame(c.in);
            c.handshake = reply == null ? List.of() : FieldReader.split(reply);
            Thread t = new Thread(c::readLoop, "tws-test-client");
            t.setDaemon(true);
            t.start();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Handshake at v100..193 and START_API with the client id; waits for NEXT_VALID_ID. */
    public static TwsTestClient connect(int port, int clientId) {
        TwsTestClient c = handshake(port, 100, 193);
        c.send(OutgoingMessage.START_API, 2, clientId, "");
        c.await(9);
        return c;
    }

    public List<String> handshakeFields() {
        return handshake;
    }

    private void readLoop() {
        try {
            byte[] payload;
            while ((payload = FrameCodec.readFrame(in)) != null) {
                int id = Integer.parseInt(FieldReader.split(payload).get(0));
                synchronized (received) {
                    received.add(new Received(id, payload));
                    received.notifyAll();
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection ended
        } finally {
            closed.complete(null);
            synchronized (received) {
                received.notifyAll();
            }
        }
    }

    /** Sends one message; each value is written as the peer writes it (numbers plain, booleans 0/1). */
    public TwsTestClient send(Object... fields) {
        FieldWriter w = new FieldWriter();
        for (Object f : fields) {
            if (f instanceof Integer i) {
                w.add(i);
            } else if (f instanceof Long l) {
                w.add(l);
            } else if (f instanceof Boolean b) {
                w.add(b);
            } else if (f instanceof Double d) {
                w.add(d);
            } else {
                w.add(f == null ? "" : f.toString());
            }
        }
        try {
            synchronized (out) {
                out.write(FrameCodec.frame(w.toBytes()));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** REQ_MKT_DATA by conId. */
    public TwsTestClient reqMktData(int tickerId, long conId, String genericTicks, boolean snapshot) {
        return send(OutgoingMessage.REQ_MKT_DATA, 11, tickerId, conId, "", "", "", "", "", "", "", "", "", "", "",
                false, genericTicks, snapshot, false, "");
    }

    /** REQ_CONTRACT_DATA from the fields a user would fill in. */
    public TwsTestClient reqContractDetails(int reqId, long conId, String symbol, String secType, String expiry,
            String strike, String right, String exchange) {
        return send(OutgoingMessage.REQ_CONTRACT_DATA, 8, reqId, conId, symbol, secType, expiry, strike, right, "",
                exchange, "", "USD", "", "", false, "", "", "");
    }

    /** REQ_HISTORICAL_DATA of daily trades bars by conId. */
    public TwsTestClient reqDailyBars(int reqId, long conId, String duration, String endDateTime) {
        return reqDailyBars(reqId, conId, duration, endDateTime, false);
    }

    /** REQ_HISTORICAL_DATA of daily trades bars; {@code keepUpToDate} keeps the request open until cancelled. */
    public TwsTestClient reqDailyBars(int reqId, long conId, String duration, String endDateTime,
            boolean keepUpToDate) {
        return send(OutgoingMessage.REQ_HISTORICAL_DATA, reqId, conId, "", "", "", "", "", "", "", "", "", "", "",
                false, endDateTime, "1 day", duration, 1, "TRADES", 1, keepUpToDate, "");
    }

    /** Waits for the first message with this id. */
    public Received await(int messageId) {
        return await(r -> r.id() == messageId, "message " + messageId);
    }

    /** Waits for an ERR_MSG with this code. */
    public Received awaitError(int code) {
        return await(r -> r.id() == 4 && r.errorCode() == code, "error " + code);
    }

    /** Waits for the first received message matching the predicate. */
    public Received await(Predicate<Received> match, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (match.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " within " + TIMEOUT + "; received ids "
                            + received.stream().map(Received::id).toList() + (closed.isDone() ? " (closed)" : ""));
                }
                try {
                    received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** Every message received so far with this id. */
    public List<Received> all(int messageId) {
        synchronized (received) {
            return received.stream().filter(r -> r.id() == messageId).toList();
        }
    }

    public List<Received> all(Predicate<Received> match) {
        synchronized (received) {
            return received.stream().filter(match).toList();
        }
    }

    /** Waits until the server closes the connection. */
    public void awaitClosed() {
        try {
            closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection still open after " + TIMEOUT, e);
        }
    }

    /** Awaits a condition on the server side (polling, bounded by {@link #TIMEOUT}). */
    public static void until(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + TIMEOUT + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // test teardown
        }
    }
}
