package io.tailguard.testing;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A minimal TWS on loopback for client tests: answers the handshake with a chosen version, completes
 * START_API (MANAGED_ACCTS, NEXT_VALID_ID, a farm notice), records every frame it receives, and answers
 * requests from a script: one responder per message id. It keeps no arrival times: a client test that
 * checks pacing steps the client's {@link FakeTicker} and reads the schedule there.
 */
public final class ScriptedTwsServer implements AutoCloseable {

    /** One received frame: its fields (the first is the message id). */
    public record Frame(List<String> fields) {
        public int messageId() {
            return Integer.parseInt(fields.get(0));
        }

        public int intField(int index) {
            return Integer.parseInt(fields.get(index));
        }
    }

    /** One accepted client socket. */
    public final class Session {
        private final Socket socket;
        private final OutputStream out;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        public void send(byte[] payload) {
            try {
                synchronized (out) {
                    FrameCodec.writeFrame(out, payload);
                }
            } catch (IOException e) {
                // the client went away: nothing to answer
            }
        }

        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final ServerSocket server;
    private final int version;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final Map<Integer, BiConsumer<Session, Frame>> responders = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger clientIdRefusals = new AtomicInteger();
    private volatile Session current;
    private volatile boolean accepting = true;

    public ScriptedTwsServer(int version) {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.version = version;
        Thread t = new Thread(this::acceptLoop, "scripted-tws-accept");
        t.setDaemon(true);
        t.start();
    }

    public ScriptedTwsServer() {
        this(193);
    }

    public int port() {
        return server.getLocalPort();
    }

    public ScriptedTwsServer on(int messageId, BiConsumer<Session, Frame> responder) {
        responders.put(messageId, responder);
        return this;
    }

    /** The next {@code times} START_APIs are answered with 326 "client id in use" and a closed socket. */
    public void refuseClientIdTimes(int times) {
        clientIdRefusals.set(times);
    }

    /** While false, new sockets are closed at once (a gateway that is down). */
    public void setAccepting(boolean value) {
        accepting = value;
    }

    public List<Frame> received() {
        return List.copyOf(received);
    }

    public List<Frame> received(int messageId) {
        return received.stream().filter(f -> f.messageId() == messageId).toList();
    }

    public int connections() {
        return connections.get();
    }

    public Session current() {
        return current;
    }

    /** Drops the current client socket, as a gateway restart would. */
    public void dropConnection() {
        Session s = current;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnection();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (!accepting) {
                    s.close();
                    continue;
                }
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted-tws-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Session session = new Session(socket);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            byte[] prefix = new byte[4];
            in.readFully(prefix);
            if (!"API\0".equals(new String(prefix, StandardCharsets.US_ASCII))) {
                return;
            }
            FrameCodec.readFrame(in); // "v100..193"
            session.send(ServerMessages.of(version, "20261122 03:00:00 UTC"));
            current = session;
            byte[] payload;
            while ((payload = FrameCodec.readFrame(in)) != null) {
                Frame frame = new Frame(FieldReader.split(payload));
                received.add(frame);
                if (frame.messageId() == OutgoingMessage.START_API) {
                    if (clientIdRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        session.send(ServerMessages.error(-1, 326, "Unable to connect as the client id is already in use."));
                        return;
                    }
                    session.send(ServerMessages.managedAccounts("DU1234567"));
                    session.send(ServerMessages.nextValidId(1));
                    session.send(ServerMessages.error(-1, 2104, "Market data farm connection is OK:usfarm"));
                    continue;
                }
                BiConsumer<Session, Frame> responder = responders.get(frame.messageId());
                if (responder != null) {
                    responder.accept(session, frame);
                }
            }
        } catch (IOException e) {
            // client gone
        }
    }
}
