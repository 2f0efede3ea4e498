package io.tailguard.broker.sim;

import io.tailguard.domain.Quote;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The faults a test has switched on; read by the sessions on every reply. Thread-safe. */
final class GatewayFaults {
    /** What to do to a contract's quote. */
    enum QuoteFault {
        /** Bid above ask. */
        CROSSED,
        /** No bid and no ask (-1, size 0), as IB sends for an untraded contract. */
        EMPTY
    }

    private volatile Duration replyDelay = Duration.ZERO;
    private final Set<Integer> droppedRequests = ConcurrentHashMap.newKeySet();
    private final Map<Long, QuoteFault> quoteFaults = new ConcurrentHashMap<>();
    private final Set<Integer> refusedClientIds = ConcurrentHashMap.newKeySet();
    private final Set<Integer> paddedMessages = ConcurrentHashMap.newKeySet();

    Duration replyDelay() {
        return replyDelay;
    }

    void delayReplies(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("reply delay must not be negative, was " + delay);
        }
        replyDelay = delay;
    }

    void dropRepliesTo(int requestMessageId) {
        droppedRequests.add(requestMessageId);
    }

    boolean dropsRepliesTo(int requestMessageId) {
        return droppedRequests.contains(requestMessageId);
    }

    void setQuoteFault(long conId, QuoteFault fault) {
        if (fault == null) {
            quoteFaults.remove(conId);
        } else {
            quoteFaults.put(conId, fault);
        }
    }

    void refuseClientId(int clientId) {
        refusedClientIds.add(clientId);
    }

    boolean refuses(int clientId) {
        return refusedClientIds.contains(clientId);
    }

    /**
     * Appends a stray field to every outgoing message with this id: a protocol bug on purpose, so that
     * tests can check that a client (or the interop driver) notices left-over fields.
     */
    void padMessages(int incomingMessageId) {
        paddedMessages.add(incomingMessageId);
    }

    byte[] pad(byte[] payload) {
        if (paddedMessages.isEmpty()) {
            return payload;
        }
        int end = 0;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        String id = new String(payload, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
        if (!id.matches("\\d+") || !paddedMessages.contains(Integer.parseInt(id))) {
            return payload;
        }
        byte[] padded = java.util.Arrays.copyOf(payload, payload.length + 6);
        System.arraycopy("stray\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, padded, payload.length, 6);
        return padded;
    }

    void clear() {
        replyDelay = Duration.ZERO;
        droppedRequests.clear();
        quoteFaults.clear();
        refusedClientIds.clear();
        paddedMessages.clear();
    }

    /** The quote as the faults make it look. */
    Quote apply(long conId, Quote q) {
        QuoteFault fault = quoteFaults.get(conId);
        if (fault == null) {
            return q;
        }
        return switch (fault) {
            case EMPTY -> new Quote(-1, -1, q.last(), 0, 0, q.lastSize(), q.greeks(), q.delayed(), q.receivedAt());
            case CROSSED -> {
                double bid = Quote.isPrice(q.bid()) ? q.bid() : 1.0;
                double ask = Quote.isPrice(q.ask()) ? q.ask() : bid;
                double width = Math.max(0.05, Math.abs(ask - bid));
                yield new Quote(Math.max(bid, ask) + width, Math.min(bid, ask), q.last(), Math.max(1, q.bidSize()),
                        Math.max(1, q.askSize()), q.lastSize(), q.greeks(), q.delayed(), q.receivedAt());
            }
        };
    }
}
