package io.tailguard.broker;

import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port the core uses to reach the broker. Calls block until the answer is complete or their
 * timeout passes; a failure is a {@link BrokerException} whose {@link BrokerErrorKind} says whether a
 * retry can help. Partial results that are expected (a chain with strikes that did not quote) are
 * values, not exceptions.
 */
public interface Broker extends AutoCloseable {

    /** Connects and completes the API handshake; idempotent. */
    void connect();

    boolean isConnected();

    /** The account orders go to: the first managed account the gateway reported. */
    String accountId();

    List<String> managedAccounts();

    Instant serverTime();

    /** Every contract matching the (partially specified) query. */
    List<ContractDetails> contractDetails(Contract query);

    /** The single contract matching the query; an ambiguous or unknown query is a NOT_FOUND error. */
    ContractDetails qualify(Contract query);

    /** The broker's expiries and strikes of the option classes on an underlying, one per exchange and class. */
    List<OptionChainDefinition> optionChainDefinitions(Contract underlying);

    /** Pulls quotes and model greeks for every option of the request; see {@link ChainRequest}. */
    OptionChain optionChain(ChainRequest request);

    /** One snapshot quote. */
    Quote snapshot(Contract contract);

    /** Streams quotes until the subscription is closed; restored by the adapter after a reconnect. */
    QuoteSubscription subscribe(Contract contract, Consumer<Quote> listener);

    /** The account's positions now (one request, answered with the full list). */
    List<Position> positions();

    /**
     * Streams the positions: the full list, then every change as the broker reports it, until closed;
     * restored by the adapter after a reconnect (with {@link PositionListener#onInterrupted} first).
     */
    PositionSubscription streamPositions(PositionListener listener);

    AccountSummary accountSummary();

    /** The most recent {@code days} daily bars (trades for stocks, index values for indices). */
    List<DailyBar> dailyBars(Contract contract, int days);

    /**
     * Daily history of the instrument's option implied volatility as the broker computes it (IB's
     * OPTION_IMPLIED_VOLATILITY bars: a 30-day at-the-money implied vol, as a fraction in {@code close}).
     */
    List<DailyBar> dailyImpliedVolatility(Contract contract, int days);

    /** Price increments by price level for a rule id taken from {@link ContractDetails#marketRuleIds()}. */
    MarketRule marketRule(int ruleId);

    @Override
    void close();
}
