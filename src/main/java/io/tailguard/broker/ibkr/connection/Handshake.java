package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.request.RequestEncoder;
import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import io.tailguard.broker.ibkr.wire.ServerVersion;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The end of a handshake: it completes when both MANAGED_ACCTS and NEXT_VALID_ID have arrived, in
 * whichever order; 326 (client id in use) or another connectivity error with id -1 fails it.
 */
final class Handshake {

    /** An open socket whose server answered the hello with version 193. */
    record Dialed(Socket socket, OutputStream out, DataInputStream in, int serverVersion, String connectionTime) {
    }

    /**
     * Opens the socket, sends {@code API\0} and the version range, and reads the server's version and
     * connection time. Any version but 193 is refused with a PROTOCOL error naming the TWS release needed.
     */
    static Dialed dial(IbkrClientConfig config) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            if (s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress())) {
                // TCP self-connect: a loopback port in the ephemeral range with no listener can be
                // "reached" by our own socket, which would then hold the port the gateway needs
                throw new IOException("connected to itself on port " + s.getPort() + ": no gateway listening");
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) config.connectTimeout().toMillis());
            OutputStream o = s.getOutputStream();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            o.write(FrameCodec.clientHello(ServerVersion.MIN_CLIENT, ServerVersion.REQUIRED, null));
            o.flush();
            byte[] reply = FrameCodec.readFrame(in);
            if (reply == null) {
                throw new IOException("TWS closed the socket during the handshake");
            }
            List<String> fields = FieldReader.split(reply);
            int version = fields.isEmpty() ? -1 : Integer.parseInt(fields.get(0).trim());
            if (version != ServerVersion.REQUIRED) {
                throw new BrokerException(BrokerErrorKind.PROTOCOL, 0, "TWS negotiated server version " + version
                        + " but tailguard speaks only " + ServerVersion.REQUIRED + ": use TWS / IB Gateway "
                        + ServerVersion.REQUIRED_TWS_RELEASE + " or later");
            }
            s.setSoTimeout(0);
            return new Dialed(s, o, in, version, fields.size() > 1 ? fields.get(1) : "");
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    final CompletableFuture<ConnectInfo> result = new CompletableFuture<>();
    volatile int serverVersion;
    volatile String connectionTime = "";
    private List<String> accounts;
    private Integer nextValidId;
    private int lastErrorCode;
    private String lastErrorText = "";

    /**
     * Sends START_API in the next pacing slot and waits, on the ticker, up to the connect timeout for
     * MANAGED_ACCTS and NEXT_VALID_ID (see {@link #observe}). Every way this can fail is a CONNECTIVITY error.
     */
    ConnectInfo startApi(OutputStream out, IbkrClientConfig config, Pacer pacer, Ticker ticker) {
        try {
            if (!pacer.awaitPermit()) {
                throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "closed while connecting");
            }
            synchronized (out) {
                FrameCodec.writeFrame(out, RequestEncoder.startApi(config.clientId()));
            }
            return ticker.await(result, config.connectTimeout());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BrokerException b ? b
                    : new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0,
                    "no MANAGED_ACCTS / NEXT_VALID_ID within " + config.connectTimeout());
        } catch (IOException e) {
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 502, "could not connect: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "interrupted while connecting");
        }
    }

    synchronized void observe(TwsEvent event) {
        if (event instanceof TwsEvent.ManagedAccounts m) {
            accounts = m.accounts();
        } else if (event instanceof TwsEvent.NextValidId n) {
            nextValidId = n.orderId();
        } else if (event instanceof TwsEvent.ErrorMessage e && e.id() < 0) {
            lastErrorCode = e.code();
            lastErrorText = e.text();
            if (e.code() == ErrorClassifier.CLIENT_ID_IN_USE || e.code() == 502 || e.code() == 504) {
                result.completeExceptionally(failure("TWS refused the session"));
            }
        }
        if (accounts != null && nextValidId != null) {
            result.complete(new ConnectInfo(serverVersion, connectionTime, accounts, nextValidId));
        }
    }

    /** The failure for a handshake that ended early: names 326 when TWS said the client id is in use. */
    synchronized BrokerException failure(String reason) {
        if (lastErrorCode != 0) {
            return new BrokerException(BrokerErrorKind.CONNECTIVITY, lastErrorCode,
                    reason + ": " + lastErrorText + " (IB error " + lastErrorCode + ")");
        }
        return new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, reason);
    }
}
