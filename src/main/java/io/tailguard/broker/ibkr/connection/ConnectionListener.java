package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import java.util.function.Consumer;

/** The request layer's view of the connection. Calls come from the connection's own threads: keep them quick. */
public interface ConnectionListener {

    /** Every decoded message, in arrival order, on the reader thread. */
    void onEvent(TwsEvent event);

    /**
     * After every (re)connect, before anything else is sent: queue what must be sent first (the market
     * data type, then every request still open). Called under the connection's send lock, so no request
     * can slip in between and be sent twice.
     */
    void onReady(ConnectInfo info, Consumer<byte[]> send);

    /** 1101: TWS is back but market data is lost; re-subscribe streams through {@code send}. */
    void onMarketDataLost(Consumer<byte[]> send);

    /**
     * The socket went away; a reconnect is under way unless the connection was closed. Called under the
     * connection's lock before its state leaves CONNECTED, so it must be quick and must not wait on
     * another thread that uses the connection.
     */
    void onDisconnected(String reason);
}
