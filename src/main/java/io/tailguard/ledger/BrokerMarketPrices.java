package io.tailguard.ledger;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * {@link MarketPrices} from broker snapshots: an option at its mid (the last trade is often stale for a
 * one-week strike), shares at the last trade, or the mid when there is none. A crossed or empty quote
 * gives no price rather than a wrong one.
 */
public final class BrokerMarketPrices implements MarketPrices {
    private final Broker broker;

    public BrokerMarketPrices(Broker broker) {
        this.broker = broker;
    }

    @Override
    public Optional<BigDecimal> price(Instrument i) {
        if (!broker.isConnected()) {
            return Optional.empty();
        }
        Contract contract = i.isOption()
                ? Contract.option(i.symbol(), i.expiry(), i.strike(),
                        i.kind() == Instrument.Kind.PUT ? OptionRight.PUT : OptionRight.CALL, i.symbol(), i.multiplier())
                : Contract.stock(i.symbol());
        try {
            Quote q = broker.snapshot(contract);
            double p;
            if (!i.isOption() && Quote.isPrice(q.last())) {
                p = q.last();
            } else if (q.hasBidAndAsk() && !q.isCrossed()) {
                p = q.mid();
            } else if (Quote.isPrice(q.last())) {
                p = q.last();
            } else {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(p).setScale(4, RoundingMode.HALF_EVEN));
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }
}
