package io.tailguard.testing;

import io.tailguard.ledger.OpeningMarket;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shares, prices and index levels set by the test, by symbol; what is not set is not known. Records what was asked. */
public final class FakeOpeningMarket implements OpeningMarket {
    private final Map<String, BigDecimal> shares = new HashMap<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final Map<String, BigDecimal> levels = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    public FakeOpeningMarket holding(String symbol, String quantity) {
        shares.put(symbol, new BigDecimal(quantity));
        return this;
    }

    public FakeOpeningMarket price(String symbol, String price) {
        prices.put(symbol, new BigDecimal(price));
        return this;
    }

    /** The level of {@code symbol} listed on {@code exchange}. */
    public FakeOpeningMarket level(String symbol, String exchange, String level) {
        levels.put(symbol + "@" + exchange, new BigDecimal(level));
        return this;
    }

    /** What was asked, in order: "shares UPRO", "price UPRO", "level XSP@CBOE". */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Optional<BigDecimal> sharesHeld(String symbol) {
        asked.add("shares " + symbol);
        return Optional.ofNullable(shares.get(symbol));
    }

    @Override
    public Optional<BigDecimal> stockPrice(String symbol) {
        asked.add("price " + symbol);
        return Optional.ofNullable(prices.get(symbol));
    }

    @Override
    public Optional<BigDecimal> indexLevel(String symbol, String exchange) {
        asked.add("level " + symbol + "@" + exchange);
        return Optional.ofNullable(levels.get(symbol + "@" + exchange));
    }
}
