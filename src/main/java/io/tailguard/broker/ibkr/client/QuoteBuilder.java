package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Folds the ticks of one market-data request into a {@link Quote}. Live and delayed tick types are
 * folded into the same fields; any delayed tick (or a MARKET_DATA_TYPE of 3/4) marks the quote delayed.
 * Greeks: the model computation (13 / delayed 83) wins over bid/ask/last computations, which are kept
 * only until a model tick arrives. Used on the reader thread only.
 */
final class QuoteBuilder {
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private double last = Double.NaN;
    private double close = Double.NaN;
    private double bidSize;
    private double askSize;
    private double lastSize;
    private OptionGreeks greeks = OptionGreeks.NONE;
    private boolean modelGreeks;
    private boolean delayed;
    private boolean anyTick;

    void reset() {
        bid = Double.NaN;
        ask = Double.NaN;
        last = Double.NaN;
        close = Double.NaN;
        bidSize = 0;
        askSize = 0;
        lastSize = 0;
        greeks = OptionGreeks.NONE;
        modelGreeks = false;
        anyTick = false;
    }

    /** Returns true when the event changed the quote. */
    boolean apply(TwsEvent.Correlated event) {
        if (event instanceof TwsEvent.TickPrice p) {
            price(p.tickType(), p.price());
            // TICK_PRICE carries the size too; IB's clients derive the size tick from it
            int sizeTick = switch (p.tickType()) {
                case 1 -> 0;
                case 2 -> 3;
                case 4 -> 5;
                case 66 -> 69;
                case 67 -> 70;
                case 68 -> 71;
                default -> -1;
            };
            if (sizeTick >= 0 && p.size() != null) {
                size(sizeTick, p.size());
            }
        } else if (event instanceof TwsEvent.TickSize s) {
            size(s.tickType(), s.size());
        } else if (event instanceof TwsEvent.TickOptionComputation c) {
            computation(c);
        } else if (event instanceof TwsEvent.MarketDataType t) {
            delayed = t.type() == 3 || t.type() == 4;
        } else {
            return false;
        }
        anyTick = true;
        return true;
    }

    void markDelayed() {
        delayed = true;
    }

    boolean hasAnyTick() {
        return anyTick;
    }

    double close() {
        return close;
    }

    Quote build(Instant at) {
        return new Quote(bid, ask, last, bidSize, askSize, lastSize, greeks, delayed, at);
    }

    private void price(int type, double price) {
        double p = price < 0 ? Double.NaN : price; // IB sends -1 for "no price"
        switch (type) {
            case 1 -> bid = p;
            case 2 -> ask = p;
            case 4 -> last = p;
            case 9 -> close = p;
            case 66 -> { bid = p; delayed = true; }
            case 67 -> { ask = p; delayed = true; }
            case 68 -> { last = p; delayed = true; }
            case 75 -> { close = p; delayed = true; }
            default -> { }
        }
    }

    private void size(int type, BigDecimal size) {
        double s = size == null ? 0 : size.doubleValue();
        switch (type) {
            case 0 -> bidSize = s;
            case 3 -> askSize = s;
            case 5 -> lastSize = s;
            case 69 -> { bidSize = s; delayed = true; }
            case 70 -> { askSize = s; delayed = true; }
            case 71 -> { lastSize = s; delayed = true; }
            default -> { }
        }
    }

    private void computation(TwsEvent.TickOptionComputation c) {
        boolean model = c.tickType() == 13 || c.tickType() == 83;
        if (c.tickType() >= 80) {
            delayed = true;
        }
        if (model || !modelGreeks) {
            greeks = new OptionGreeks(c.impliedVol(), c.delta(), c.gamma(), c.vega(), c.theta(), c.optionPrice(),
                    c.underlyingPrice());
            modelGreeks |= model;
        }
    }
}
