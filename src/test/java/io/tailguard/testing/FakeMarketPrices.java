package io.tailguard.testing;

import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.MarketPrices;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Prices set by the test, by instrument key; an instrument without a price has no quote. */
public final class FakeMarketPrices implements MarketPrices {
    private final Map<String, BigDecimal> prices = new HashMap<>();

    public FakeMarketPrices set(String instrumentKey, String price) {
        prices.put(instrumentKey, new BigDecimal(price));
        return this;
    }

    public FakeMarketPrices remove(String instrumentKey) {
        prices.remove(instrumentKey);
        return this;
    }

    @Override
    public Optional<BigDecimal> price(Instrument instrument) {
        return Optional.ofNullable(prices.get(instrument.key()));
    }
}
