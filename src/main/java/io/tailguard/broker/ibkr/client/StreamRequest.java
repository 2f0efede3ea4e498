package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.request.RequestEncoder;
import io.tailguard.domain.Quote;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming quote (REQ_MKT_DATA with snapshot=0): every tick updates the quote and calls the listener
 * on the reader thread. It never completes by itself; closing it cancels the line. Re-sent after a
 * reconnect and re-subscribed on 1101.
 */
final class StreamRequest extends PendingRequest<Void> {
    private static final Logger log = LoggerFactory.getLogger(StreamRequest.class);
    private final byte[] payload;
    private final Clock clock;
    private final Consumer<Quote> listener;
    private final QuoteBuilder quote = new QuoteBuilder();

    StreamRequest(int reqId, String what, byte[] payload, Clock clock, Consumer<Quote> listener) {
        super(reqId, what);
        this.payload = payload;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    byte[] payload() {
        return payload;
    }

    @Override
    void onEvent(TwsEvent event) {
        Quote q;
        synchronized (this) {
            if (!(event instanceof TwsEvent.Correlated c) || !quote.apply(c)) {
                return;
            }
            q = quote.build(clock.instant());
        }
        try {
            listener.accept(q);
        } catch (RuntimeException e) {
            log.error("quote listener for {} failed: {}", what, e.toString(), e);
        }
    }

    synchronized void markDelayed() {
        quote.markDelayed();
    }

    @Override
    byte[] cancelPayload() {
        return RequestEncoder.cancelMktData(reqId);
    }

    @Override
    boolean isStream() {
        return true;
    }
}
