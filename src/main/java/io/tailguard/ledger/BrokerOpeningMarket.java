package io.tailguard.ledger;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * {@link OpeningMarket} through the broker port: the account's stock positions, and a snapshot's mid when both
 * sides quote and are not crossed, else its last trade (an index has no bid or ask: its last value).
 */
public final class BrokerOpeningMarket implements OpeningMarket {
    private final Broker broker;

    public BrokerOpeningMarket(Broker broker) {
        this.broker = broker;
    }

    @Override
    public Optional<BigDecimal> sharesHeld(String symbol) {
        if (!broker.isConnected()) {
            return Optional.empty();
        }
        try {
            return Optional.of(broker.positions().stream()
                    .filter(p -> p.contract().securityType() == SecurityType.STOCK && symbol.equals(p.contract().symbol()))
                    .map(Position::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<BigDecimal> stockPrice(String symbol) {
        return price(Contract.stock(symbol));
    }

    @Override
    public Optional<BigDecimal> indexLevel(String symbol, String exchange) {
        return price(Contract.index(symbol, exchange));
    }

    private Optional<BigDecimal> price(Contract contract) {
        if (!broker.isConnected()) {
            return Optional.empty();
        }
        try {
            Quote q = broker.snapshot(contract);
            double p = q.hasBidAndAsk() && !q.isCrossed() ? q.mid() : q.last();
            if (!Quote.isPrice(p) || p <= 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP));
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }
}
