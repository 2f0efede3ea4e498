package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The port a cycle's start is read through when its hedge has executed: the shares held, the underlying's
 * price and the hedge index's level. An execution report carries none of these (IB's execDetails has the
 * contract, side, size, price and time of the fill only), so they are the market's at the hand-over, which
 * runs on the order loop's next pass after the last fill. Empty: not known now (no quote, broker down).
 */
public interface OpeningMarket {
    /** Shares of {@code symbol} held in the account. */
    Optional<BigDecimal> sharesHeld(String symbol);

    /** The stock's (ETF's) price. */
    Optional<BigDecimal> stockPrice(String symbol);

    /** The index's level, listed on {@code exchange}. */
    Optional<BigDecimal> indexLevel(String symbol, String exchange);
}
