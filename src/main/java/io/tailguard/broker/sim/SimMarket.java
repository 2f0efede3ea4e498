package io.tailguard.broker.sim;

import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.Quote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the simulated gateway serves: the instruments it lists and their market. The gateway speaks
 * the protocol and enforces IB's limits; a {@code SimMarket} only answers questions about the market
 * at the simulated time. Implementations must be thread-safe.
 */
public interface SimMarket {

    /** The simulated time (real time, or an accelerated clock). */
    Instant now();

    /**
     * Every listed contract matching a partially specified query, with IB's matching rules: a field
     * that is empty / 0 / null in the query matches anything; conId, when given, matches alone.
     */
    List<ContractDetails> contractDetails(Contract query);

    /** A listed contract by id. */
    Optional<ContractDetails> contract(long conId);

    /** Expiries and strikes of the option classes on an underlying, one entry per exchange and class. */
    List<OptionChainDefinition> optionDefinitions(String underlyingSymbol, long underlyingConId);

    /**
     * The current quote of a listed contract: bid/ask/last/sizes, and for options the model greeks,
     * implied vol and underlying price. Empty for an unknown id.
     */
    Optional<Quote> quote(long conId);

    /** The last {@code days} daily bars up to the simulated date. */
    List<DailyBar> dailyBars(long conId, int days);

    /** Price increments by level for a rule id listed in contract details. */
    Optional<MarketRule> marketRule(int ruleId);
}
