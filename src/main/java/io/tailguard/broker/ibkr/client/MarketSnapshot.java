package io.tailguard.broker.ibkr.client;

import io.tailguard.domain.Quote;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one snapshot request: the quote, the close (tick 9 / 75; NaN when not sent), and the
 * notices TWS attached to the request (e.g. 10167 "displaying delayed market data").
 */
public record MarketSnapshot(Quote quote, double close, List<String> notices) {
    public MarketSnapshot {
        Objects.requireNonNull(quote, "quote");
        notices = List.copyOf(notices);
    }

    /** The best single price: last, else the midpoint, else the close. NaN when there is none. */
    public double referencePrice() {
        if (Quote.isPrice(quote.last()) && quote.last() > 0) {
            return quote.last();
        }
        if (quote.hasBidAndAsk() && quote.bid() > 0) {
            return quote.mid();
        }
        return Quote.isPrice(close) && close > 0 ? close : Double.NaN;
    }
}
