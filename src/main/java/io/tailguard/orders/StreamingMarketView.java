package io.tailguard.orders;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.PositionListener;
import io.tailguard.broker.PositionSubscription;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.domain.Contract;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MarketView} that reads what the broker keeps current instead of asking per order, so that a
 * submission puts nothing on the wire but its PLACE_ORDER (each request waits for a pacing slot, 1/45 s):
 * <ul>
 * <li>quotes: one stream per contract of the pending proposals ({@link #follow}), at most
 * {@code maxStreams} (the account's market-data lines are shared with snapshots and chain pulls).</li>
 * <li>positions: REQ_POSITIONS kept subscribed; TWS sends a POSITION for every change.</li>
 * </ul>
 * Cached state is used only while it can be trusted; otherwise the per-call request of
 * {@link BrokerMarketView} answers:
 * <ul>
 * <li>a streamed quote that has not ticked within {@code maxQuoteAge} (TWS sends ticks only on a change,
 * and a stream can die quietly) is asked for again as a snapshot; if the snapshot fails, the old quote is
 * returned as it is, so the quote gate refuses it for its age. A stream without a bid and an ask yet, or
 * none at all (over the cap, not yet open), also means a snapshot.</li>
 * <li>positions before the first full list (POSITION_END) and from a disconnect until the list has been
 * re-sent come from a position request, never from an empty or partial cache.</li>
 * </ul>
 */
public final class StreamingMarketView implements MarketView, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamingMarketView.class);
    /** After a subscription failed (no line free, no permission), snapshots serve the contract this long. */
    static final Duration RETRY_SUBSCRIPTION_AFTER = Duration.ofMinutes(1);

    private final Broker broker;
    private final BrokerMarketView perCall;
    private final Clock clock;
    private final Duration maxQuoteAge;
    private final int maxStreams;
    private final Map<String, QuoteStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();
    private final PositionCache positions = new PositionCache();
    private final AtomicLong quoteFallbacks = new AtomicLong();
    private final AtomicLong positionFallbacks = new AtomicLong();
    private PositionSubscription positionStream;
    private boolean overCapLogged;

    /**
     * @param maxQuoteAge the quote gate's limit: a streamed quote older than this is asked for again
     * @param maxStreams  how many quote streams this view may hold; the rest are served by snapshots
     */
    public StreamingMarketView(Broker broker, Clock clock, Duration maxQuoteAge, int maxStreams) {
        if (maxStreams < 0) {
            throw new IllegalArgumentException("maxStreams must be >= 0, was " + maxStreams);
        }
        this.broker = broker;
        this.perCall = new BrokerMarketView(broker);
        this.clock = clock;
        this.maxQuoteAge = maxQuoteAge;
        this.maxStreams = maxStreams;
    }

    /** Subscribes to the positions; quotes are subscribed by {@link #follow}. */
    public synchronized StreamingMarketView start() {
        if (positionStream == null) {
            positionStream = broker.streamPositions(positions);
        }
        return this;
    }

    @Override
    public synchronized void follow(Collection<Contract> contracts) {
        Map<String, Contract> wanted = new LinkedHashMap<>();
        contracts.forEach(c -> wanted.putIfAbsent(c.describe(), c));
        for (String key : List.copyOf(streams.keySet())) {
            if (!wanted.containsKey(key)) {
                streams.remove(key).close();
            }
        }
        retryAt.keySet().retainAll(wanted.keySet());
        Instant now = clock.instant();
        for (Map.Entry<String, Contract> e : wanted.entrySet()) {
            String key = e.getKey();
            if (streams.containsKey(key) || now.isBefore(retryAt.getOrDefault(key, Instant.MIN))) {
                continue;
            }
            if (streams.size() >= maxStreams) {
                if (!overCapLogged) {
                    log.info("{} quote streams open (the cap): further contracts are quoted by snapshot", maxStreams);
                    overCapLogged = true;
                }
                continue;
            }
            QuoteStream stream = new QuoteStream();
            try {
                stream.subscription = broker.subscribe(e.getValue(), q -> stream.latest = q);
                streams.put(key, stream);
            } catch (BrokerException ex) {
                retryAt.put(key, now.plus(RETRY_SUBSCRIPTION_AFTER));
                log.warn("cannot stream quotes of {} ({}); snapshots until {}", key, ex.getMessage(),
                        now.plus(RETRY_SUBSCRIPTION_AFTER));
            }
        }
        if (streams.size() < maxStreams) {
            overCapLogged = false;
        }
    }

    @Override
    public Optional<Quote> quote(Contract contract) {
        QuoteStream stream = streams.get(contract.describe());
        Quote streamed = stream == null ? null : stream.latest;
        if (streamed != null && streamed.hasBidAndAsk()
                && streamed.ageAt(clock.instant()).compareTo(maxQuoteAge) <= 0) {
            return Optional.of(streamed); // crossed or not: the quote gate judges it
        }
        quoteFallbacks.incrementAndGet();
        Optional<Quote> snapshot = perCall.quote(contract);
        return snapshot.isPresent() ? snapshot : Optional.ofNullable(streamed);
    }

    /** What the contract's stream said last, however old; empty when it is not streamed or has not ticked yet. */
    public Optional<Quote> streamedQuote(Contract contract) {
        QuoteStream stream = streams.get(contract.describe());
        return stream == null ? Optional.empty() : Optional.ofNullable(stream.latest);
    }

    @Override
    public MarketRule priceRule(Contract contract) {
        return perCall.priceRule(contract);
    }

    @Override
    public List<Position> positions() {
        Optional<List<Position>> cached = positions.ifComplete();
        if (cached.isPresent()) {
            return cached.get();
        }
        positionFallbacks.incrementAndGet();
        return perCall.positions();
    }

    /** True once the full position list has arrived and no disconnect has happened since. */
    public boolean positionsComplete() {
        return positions.ifComplete().isPresent();
    }

    /** Quote streams open now. */
    public int streamsOpen() {
        return streams.size();
    }

    /** Quotes that were asked for by snapshot (no fresh streamed quote), since start. */
    public long quoteFallbacks() {
        return quoteFallbacks.get();
    }

    /** Position lists that were requested (no complete cache), since start. */
    public long positionFallbacks() {
        return positionFallbacks.get();
    }

    @Override
    public synchronized void close() {
        streams.values().forEach(QuoteStream::close);
        streams.clear();
        if (positionStream != null) {
            positionStream.close();
            positionStream = null;
        }
        positions.onInterrupted();
    }

    private static final class QuoteStream {
        volatile Quote latest;
        QuoteSubscription subscription;

        void close() {
            try {
                subscription.close();
            } catch (RuntimeException e) {
                log.debug("closing a quote stream: {}", e.toString());
            }
        }
    }

    /** Positions by account and contract id, fed on the broker's reader thread. */
    private static final class PositionCache implements PositionListener {
        private final Map<String, Position> byKey = new LinkedHashMap<>();
        private boolean complete;

        @Override
        public synchronized void onPosition(Position p) {
            String key = p.account() + "/" + (p.contract().conId() != 0 ? p.contract().conId() : p.contract().describe());
            if (p.quantity().signum() == 0) {
                byKey.remove(key);
            } else {
                byKey.put(key, p);
            }
        }

        @Override
        public synchronized void onComplete() {
            complete = true;
        }

        @Override
        public synchronized void onInterrupted() {
            complete = false;
            byKey.clear();
        }

        synchronized Optional<List<Position>> ifComplete() {
            return complete ? Optional.of(new ArrayList<>(byKey.values())) : Optional.empty();
        }
    }
}
