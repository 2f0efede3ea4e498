package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.Optional;

/** The port the daily mark to market prices open positions through; empty when no usable quote came. */
public interface MarketPrices {
    Optional<BigDecimal> price(Instrument instrument);
}
