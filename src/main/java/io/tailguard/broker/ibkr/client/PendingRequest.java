package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One open request, correlated by its id. It keeps its own request message so that it can be sent
 * again after a reconnect (every request of this issue is a read, so a re-send is harmless), and
 * resets any partial answer before that. Events arrive on the reader thread.
 */
abstract class PendingRequest<T> {
    final int reqId;
    final String what;
    final CompletableFuture<T> future = new CompletableFuture<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    volatile boolean sent;
    /** Run on the first reply of any kind (see {@link ReadAheadGate}); null when not gated. */
    volatile Runnable onFirstReply;

    PendingRequest(int reqId, String what) {
        this.reqId = reqId;
        this.what = what;
    }

    void replied() {
        Runnable r = onFirstReply;
        if (r != null) {
            r.run();
        }
    }

    /** The request message, for the first send and for every re-send. */
    abstract byte[] payload();

    /** Handles one event addressed to this request. */
    abstract void onEvent(TwsEvent event);

    /** Drops a partial answer before a re-send. */
    void reset() {
    }

    /** The message that stops the request at TWS when we give up on it, or null. */
    byte[] cancelPayload() {
        return null;
    }

    /** Streams stay open until closed; they are re-subscribed when TWS loses market data (1101). */
    boolean isStream() {
        return false;
    }

    /** Whether a re-send after a reconnect is wanted (false for requests that are answered by then). */
    boolean resendOnReconnect() {
        return !future.isDone();
    }
}
