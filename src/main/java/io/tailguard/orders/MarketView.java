package io.tailguard.orders;

import io.tailguard.domain.Contract;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.util.List;
import java.util.Optional;

/**
 * What the order pipeline needs to know about the market: a quote, the price increments of a contract
 * and the positions held. {@link BrokerMarketView} serves it from the {@code Broker} port.
 */
public interface MarketView {
    /** A current quote, or empty when none is available (not connected, not subscribed). */
    Optional<Quote> quote(Contract contract);

    /** The contract's price increments (IB market rule); error 110 is the penalty for ignoring them. */
    MarketRule priceRule(Contract contract);

    List<Position> positions();
}
