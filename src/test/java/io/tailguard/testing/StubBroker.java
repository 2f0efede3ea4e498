package io.tailguard.testing;

import io.tailguard.broker.Broker;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A broker with set positions and last prices, for services that only read them. Anything else is a
 * test bug and throws.
 */
public final class StubBroker implements Broker {
    private final List<Position> positions = new ArrayList<>();
    private final Map<String, Double> lastBySymbol = new HashMap<>();
    private final List<ContractDetails> listed = new ArrayList<>();
    private final Map<String, List<DailyBar>> barsBySymbol = new HashMap<>();
    private int dailyBarCalls;

    public StubBroker holding(String stock, int shares) {
        positions.add(new Position("DU1234567", Contract.stock(stock), BigDecimal.valueOf(shares), 0));
        return this;
    }

    /** Any position (an option, another account's holding); signed quantity. */
    public StubBroker holding(String account, Contract contract, String quantity) {
        positions.add(new Position(account, contract, new BigDecimal(quantity), 0));
        return this;
    }

    /** Removes the positions of {@code contract}: the broker no longer reports it. */
    public StubBroker dropping(Contract contract) {
        positions.removeIf(p -> p.contract().equals(contract));
        return this;
    }

    /** A contract the broker lists (contract details match on symbol and security type). */
    public StubBroker listing(Contract contract) {
        listed.add(new ContractDetails(contract, 0.01, List.of(), contract.symbol(), 0, "US/Eastern", "", ""));
        return this;
    }

    /** A daily bar of {@code symbol} (close only; open/high/low set around it). */
    public StubBroker bar(String symbol, java.time.LocalDate date, double close) {
        barsBySymbol.computeIfAbsent(symbol, s -> new ArrayList<>())
                .add(new DailyBar(date, close, close, close, close, Double.NaN));
        return this;
    }

    public int dailyBarCalls() {
        return dailyBarCalls;
    }

    public StubBroker last(String symbol, double price) {
        lastBySymbol.put(symbol, price);
        return this;
    }

    @Override
    public List<Position> positions() {
        return List.copyOf(positions);
    }

    @Override
    public Quote snapshot(Contract contract) {
        Double last = lastBySymbol.get(contract.symbol());
        if (last == null) {
            throw new AssertionError("no price set for " + contract.describe());
        }
        return new Quote(Double.NaN, Double.NaN, last, 0, 0, 0, OptionGreeks.NONE, false, Instant.EPOCH);
    }

    @Override
    public void connect() {
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public String accountId() {
        return "DU1234567";
    }

    @Override
    public List<String> managedAccounts() {
        return List.of("DU1234567");
    }

    @Override
    public void close() {
    }

    private static AssertionError unexpected(String call) {
        return new AssertionError("StubBroker does not serve " + call);
    }

    @Override
    public Instant serverTime() {
        throw unexpected("serverTime");
    }

    @Override
    public List<ContractDetails> contractDetails(Contract query) {
        if (listed.isEmpty()) {
            throw unexpected("contractDetails");
        }
        return listed.stream().filter(d -> d.contract().symbol().equalsIgnoreCase(query.symbol())
                && d.contract().securityType() == query.securityType()).toList();
    }

    @Override
    public ContractDetails qualify(Contract query) {
        throw unexpected("qualify");
    }

    @Override
    public List<OptionChainDefinition> optionChainDefinitions(Contract underlying) {
        throw unexpected("optionChainDefinitions");
    }

    @Override
    public OptionChain optionChain(ChainRequest request) {
        throw unexpected("optionChain");
    }

    @Override
    public QuoteSubscription subscribe(Contract contract, Consumer<Quote> listener) {
        throw unexpected("subscribe");
    }

    @Override
    public io.tailguard.broker.PositionSubscription streamPositions(io.tailguard.broker.PositionListener listener) {
        throw unexpected("streamPositions");
    }

    @Override
    public AccountSummary accountSummary() {
        throw unexpected("accountSummary");
    }

    @Override
    public List<DailyBar> dailyBars(Contract contract, int days) {
        if (barsBySymbol.isEmpty()) {
            throw unexpected("dailyBars");
        }
        dailyBarCalls++;
        List<DailyBar> bars = barsBySymbol.getOrDefault(contract.symbol(), List.of());
        return bars.size() <= days ? List.copyOf(bars) : List.copyOf(bars.subList(bars.size() - days, bars.size()));
    }

    @Override
    public List<DailyBar> dailyImpliedVolatility(Contract contract, int days) {
        throw unexpected("dailyImpliedVolatility");
    }

    @Override
    public MarketRule marketRule(int ruleId) {
        throw unexpected("marketRule");
    }
}
