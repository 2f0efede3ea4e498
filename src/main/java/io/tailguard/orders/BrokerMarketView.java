package io.tailguard.orders;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.Position;
import io.tailguard.domain.PriceIncrement;
import io.tailguard.domain.Quote;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MarketView} over the {@link Broker} port: snapshot quotes, market rules from the contract's
 * first {@code marketRuleIds} entry (cached), positions. A contract without a rule falls back to a
 * penny below $3 and a nickel above, the common option rule.
 */
public final class BrokerMarketView implements MarketView {
    static final MarketRule PENNY_NICKEL = new MarketRule(0,
            List.of(new PriceIncrement(0, 0.01), new PriceIncrement(3, 0.05)));

    private final Broker broker;
    private final Map<String, MarketRule> rules = new ConcurrentHashMap<>();

    public BrokerMarketView(Broker broker) {
        this.broker = broker;
    }

    @Override
    public Optional<Quote> quote(Contract contract) {
        if (!broker.isConnected()) {
            return Optional.empty();
        }
        try {
            return Optional.of(broker.snapshot(contract));
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }

    @Override
    public MarketRule priceRule(Contract contract) {
        return rules.computeIfAbsent(contract.describe(), k -> {
            ContractDetails details = broker.qualify(contract);
            List<Integer> ids = details.marketRuleIds();
            return ids.isEmpty() ? PENNY_NICKEL : broker.marketRule(ids.get(0));
        });
    }

    @Override
    public List<Position> positions() {
        return broker.positions();
    }
}
