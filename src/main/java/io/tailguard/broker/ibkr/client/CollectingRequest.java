package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A request answered by a run of messages and an end marker (contract data, option parameters,
 * account summary, positions), or by a single message (historical data, market rule, current time):
 * {@code item} maps an event to an element (null to ignore it), {@code end} says the answer is complete.
 */
class CollectingRequest<T> extends PendingRequest<List<T>> {
    private final byte[] payload;
    private final Function<TwsEvent, T> item;
    private final Predicate<TwsEvent> end;
    private final Predicate<TwsEvent> uncorrelated;
    private final byte[] cancelAfterEnd;
    private final List<T> items = new ArrayList<>();

    CollectingRequest(int reqId, String what, byte[] payload, Function<TwsEvent, T> item, Predicate<TwsEvent> end,
            Predicate<TwsEvent> uncorrelated, byte[] cancelAfterEnd) {
        super(reqId, what);
        this.payload = payload;
        this.item = item;
        this.end = end;
        this.uncorrelated = uncorrelated;
        this.cancelAfterEnd = cancelAfterEnd;
    }

    @Override
    byte[] payload() {
        return payload;
    }

    @Override
    synchronized void onEvent(TwsEvent event) {
        T t = item.apply(event);
        if (t != null) {
            items.add(t);
        }
        if (end.test(event)) {
            future.complete(List.copyOf(items));
        }
    }

    /** For answers without a request id (positions, market rules, current time): which events are ours. */
    boolean acceptsUncorrelated(TwsEvent event) {
        return uncorrelated != null && uncorrelated.test(event);
    }

    /** Account summary and positions are subscriptions: cancel them once the snapshot is complete. */
    byte[] cancelAfterEnd() {
        return cancelAfterEnd;
    }

    @Override
    synchronized void reset() {
        items.clear();
    }

    @Override
    byte[] cancelPayload() {
        return cancelAfterEnd;
    }
}
