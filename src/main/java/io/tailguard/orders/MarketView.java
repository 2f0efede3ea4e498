package io.tailguard.orders;

import io.tailguard.domain.Contract;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the order pipeline needs to know about the market: a quote, the price increments of a contract
 * and the positions held. {@link BrokerMarketView} asks the {@code Broker} port on every call;
 * {@link StreamingMarketView} keeps streamed quotes and positions (the daemon's).
 */
public interface MarketView {
    /** A current quote, or empty when none is available (not connected, not subscribed). */
    Optional<Quote> quote(Contract contract);

    /** The contract's price increments (IB market rule); error 110 is the penalty for ignoring them. */
    MarketRule priceRule(Contract contract);

    List<Position> positions();

    /**
     * The contracts whose quotes will be asked for from now on (the legs of every pending proposal); the
     * rest are no longer needed. A view may stream them; by default nothing happens.
     */
    default void follow(Collection<Contract> contracts) {
    }
}
