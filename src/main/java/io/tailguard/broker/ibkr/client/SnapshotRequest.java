package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.request.RequestEncoder;
import java.time.Clock;

/** A snapshot quote (REQ_MKT_DATA with snapshot=1): ticks until TICK_SNAPSHOT_END. Holds one line. */
final class SnapshotRequest extends PendingRequest<MarketSnapshot> {
    private final byte[] payload;
    private final Clock clock;
    private final QuoteBuilder quote = new QuoteBuilder();

    SnapshotRequest(int reqId, String what, byte[] payload, Clock clock) {
        super(reqId, what);
        this.payload = payload;
        this.clock = clock;
    }

    @Override
    byte[] payload() {
        return payload;
    }

    @Override
    synchronized void onEvent(TwsEvent event) {
        if (event instanceof TwsEvent.TickSnapshotEnd) {
            future.complete(new MarketSnapshot(quote.build(clock.instant()), quote.close(), notices));
        } else if (event instanceof TwsEvent.Correlated c) {
            quote.apply(c);
        }
    }

    synchronized void markDelayed() {
        quote.markDelayed();
    }

    @Override
    synchronized void reset() {
        quote.reset();
    }

    @Override
    byte[] cancelPayload() {
        return RequestEncoder.cancelMktData(reqId);
    }
}
