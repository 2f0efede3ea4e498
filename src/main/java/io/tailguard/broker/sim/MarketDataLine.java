package io.tailguard.broker.sim;

import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One market-data request being served: turns quotes into tick messages and remembers what it sent,
 * so that a streaming line pushes only what changed. Not thread-safe: the session's reader thread and
 * the gateway's tick pusher hand it over under the line's own lock.
 */
final class MarketDataLine {
    // IB tick types; sizes ride on TICK_PRICE and the client derives the size ticks (0/3/5, delayed 69/70/71)
    private static final int BID = 1;
    private static final int ASK = 2;
    private static final int LAST = 4;
    private static final int OPTION_BID = 10;
    private static final int OPTION_ASK = 11;
    private static final int OPTION_MODEL = 13;
    private static final int OPTION_HISTORICAL_VOL = 23;
    private static final int OPTION_IMPLIED_VOL = 24;
    private static final int OPTION_CALL_OPEN_INTEREST = 27;
    private static final int OPTION_PUT_OPEN_INTEREST = 28;
    private static final int OPTION_CALL_VOLUME = 29;
    private static final int OPTION_PUT_VOLUME = 30;
    private static final int LAST_TIMESTAMP = 45;
    private static final int DELAYED_OPTION_OFFSET = 70; // 10 -> 80, 11 -> 81, 13 -> 83

    private final int tickerId;
    private final ContractDetails details;
    private final Set<Integer> genericTicks;
    private final boolean delayed;
    private Quote lastSent;

    MarketDataLine(int tickerId, ContractDetails details, Set<Integer> genericTicks, boolean delayed) {
        this.tickerId = tickerId;
        this.details = Objects.requireNonNull(details);
        this.genericTicks = Set.copyOf(genericTicks);
        this.delayed = delayed;
    }

    int tickerId() {
        return tickerId;
    }

    ContractDetails details() {
        return details;
    }

    long conId() {
        return details.contract().conId();
    }

    /** Every tick of the quote (first message of a line, and snapshots). */
    synchronized List<byte[]> allTicks(Quote q, long epochSeconds) {
        List<byte[]> ticks = new ArrayList<>();
        ticks.add(GatewayMessages.tickPrice(tickerId, price(BID), priceOrNone(q.bid()), size(q.bid(), q.bidSize())));
        ticks.add(GatewayMessages.tickPrice(tickerId, price(ASK), priceOrNone(q.ask()), size(q.ask(), q.askSize())));
        if (Quote.isPrice(q.last())) {
            ticks.add(GatewayMessages.tickPrice(tickerId, price(LAST), q.last(), q.lastSize()));
            ticks.add(GatewayMessages.tickString(tickerId, delayed ? 88 : LAST_TIMESTAMP, Long.toString(epochSeconds)));
        }
        ticks.addAll(optionTicks(q, true));
        ticks.addAll(genericTickMessages(q));
        lastSent = q;
        return ticks;
    }

    /** Only what changed since the last push. */
    synchronized List<byte[]> changedTicks(Quote q) {
        List<byte[]> ticks = new ArrayList<>();
        Quote before = lastSent;
        if (before == null) {
            return allTicks(q, q.receivedAt().getEpochSecond());
        }
        if (differs(before.bid(), q.bid()) || before.bidSize() != q.bidSize()) {
            ticks.add(GatewayMessages.tickPrice(tickerId, price(BID), priceOrNone(q.bid()), size(q.bid(), q.bidSize())));
        }
        if (differs(before.ask(), q.ask()) || before.askSize() != q.askSize()) {
            ticks.add(GatewayMessages.tickPrice(tickerId, price(ASK), priceOrNone(q.ask()), size(q.ask(), q.askSize())));
        }
        if (Quote.isPrice(q.last()) && (differs(before.last(), q.last()) || before.lastSize() != q.lastSize())) {
            ticks.add(GatewayMessages.tickPrice(tickerId, price(LAST), q.last(), q.lastSize()));
        }
        if (!q.greeks().equals(before.greeks()) || differs(before.bid(), q.bid()) || differs(before.ask(), q.ask())) {
            ticks.addAll(optionTicks(q, false));
        }
        lastSent = q;
        return ticks;
    }

    private List<byte[]> optionTicks(Quote q, boolean first) {
        if (!details.contract().isOption()) {
            return List.of();
        }
        OptionGreeks g = q.greeks();
        List<byte[]> ticks = new ArrayList<>();
        ticks.add(GatewayMessages.optionComputation(tickerId, option(OPTION_BID), g, priceOrNone(q.bid())));
        ticks.add(GatewayMessages.optionComputation(tickerId, option(OPTION_ASK), g, priceOrNone(q.ask())));
        ticks.add(GatewayMessages.optionComputation(tickerId, option(OPTION_MODEL), g, g.optionPrice()));
        return ticks;
    }

    private List<byte[]> genericTickMessages(Quote q) {
        List<byte[]> ticks = new ArrayList<>();
        if (genericTicks.contains(100)) {
            ticks.add(GatewayMessages.tickSize(tickerId, OPTION_CALL_VOLUME, 0));
            ticks.add(GatewayMessages.tickSize(tickerId, OPTION_PUT_VOLUME, 0));
        }
        if (genericTicks.contains(101)) {
            ticks.add(GatewayMessages.tickSize(tickerId, OPTION_CALL_OPEN_INTEREST, 0));
            ticks.add(GatewayMessages.tickSize(tickerId, OPTION_PUT_OPEN_INTEREST, 0));
        }
        if (genericTicks.contains(104) && q.greeks().hasImpliedVol()) {
            ticks.add(GatewayMessages.tickGeneric(tickerId, OPTION_HISTORICAL_VOL, q.greeks().impliedVol()));
        }
        if (genericTicks.contains(106) && q.greeks().hasImpliedVol()) {
            ticks.add(GatewayMessages.tickGeneric(tickerId, OPTION_IMPLIED_VOL, q.greeks().impliedVol()));
        }
        return ticks;
    }

    /** Delayed price ticks: bid 66, ask 67, last 68 (sizes 69/70/71 are derived by the client). */
    private int price(int liveType) {
        if (!delayed) {
            return liveType;
        }
        return switch (liveType) {
            case BID -> 66;
            case ASK -> 67;
            case LAST -> 68;
            default -> throw new IllegalArgumentException("no delayed tick for " + liveType);
        };
    }

    private int option(int liveType) {
        return delayed ? liveType + DELAYED_OPTION_OFFSET : liveType;
    }

    private static double priceOrNone(double p) {
        return Quote.isPrice(p) ? p : -1;
    }

    private static double size(double price, double size) {
        return Quote.isPrice(price) ? size : 0;
    }

    private static boolean differs(double a, double b) {
        return Double.compare(a, b) != 0;
    }
}
