package io.tailguard.broker.ibkr;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.OrderRoute;
import io.tailguard.broker.PositionListener;
import io.tailguard.broker.PositionSubscription;
import io.tailguard.broker.QuoteSubscription;
import io.tailguard.broker.ibkr.chain.ChainPull;
import io.tailguard.broker.ibkr.client.BlockingResult;
import io.tailguard.broker.ibkr.client.TwsClient;
import io.tailguard.broker.ibkr.connection.ConnectInfo;
import io.tailguard.broker.ibkr.connection.ConnectionState;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link Broker} port over our own TWS API client. Construct with a config and a clock, then
 * {@link #connect()}; every call blocks up to the configured request timeout (a chain pull up to its
 * own) and fails with a classified {@link BrokerException}. The connection keeps itself up: after a
 * drop it reconnects with backoff, sets the market data type again and restores open requests and
 * quote streams. Orders go through the {@link OrderRoute} half ({@link IbkrOrders}).
 */
public final class IbkrBroker implements Broker, OrderRoute {
    static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower";

    private final IbkrClientConfig config;
    private final TwsClient client;
    private final ChainPull chains;
    private final IbkrOrders orders;

    public IbkrBroker(IbkrClientConfig config, Clock clock) {
        this.config = config;
        this.client = new TwsClient(config, clock);
        this.chains = new ChainPull(client, clock);
        this.orders = new IbkrOrders(client, config, this::qualify);
    }

    /** The client underneath, for diagnostics and the benchmark (messages sent, lines in use). */
    public TwsClient client() {
        return client;
    }

    @Override
    public void connect() {
        client.connect();
    }

    @Override
    public boolean isConnected() {
        return client.state() == ConnectionState.CONNECTED;
    }

    @Override
    public String accountId() {
        List<String> accounts = managedAccounts();
        if (accounts.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "TWS reported no managed accounts");
        }
        return accounts.get(0);
    }

    @Override
    public List<String> managedAccounts() {
        ConnectInfo info = client.info();
        if (info == null) {
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 504, "not connected to TWS: call connect() first");
        }
        return info.managedAccounts();
    }

    @Override
    public Instant serverTime() {
        return await(client.currentTime(timeout()), "server time");
    }

    @Override
    public List<ContractDetails> contractDetails(Contract query) {
        try {
            return await(client.contractDetails(ContractSpec.of(query), query.describe(), timeout()),
                    "contract details of " + query.describe());
        } catch (BrokerException e) {
            if (e.kind() == BrokerErrorKind.NOT_FOUND) {
                return List.of(); // 200: nothing matches
            }
            throw e;
        }
    }

    @Override
    public ContractDetails qualify(Contract query) {
        List<ContractDetails> found = contractDetails(query);
        if (found.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 200, "no contract matches " + query.describe());
        }
        if (found.size() > 1) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "ambiguous: " + found.size()
                    + " contracts match " + query.describe() + " (give exchange, currency or trading class)");
        }
        return found.get(0);
    }

    @Override
    public List<OptionChainDefinition> optionChainDefinitions(Contract underlying) {
        Contract und = underlying.conId() == 0 ? qualify(underlying).contract() : underlying;
        return await(client.optionParameters(und.symbol(), ContractSpec.secType(und.securityType()), und.conId(),
                timeout()), "option parameters of " + und.describe());
    }

    @Override
    public OptionChain optionChain(ChainRequest request) {
        ContractDetails underlying = qualify(request.underlying());
        return chains.pull(request, underlying);
    }

    @Override
    public Quote snapshot(Contract contract) {
        return await(client.snapshot(ContractSpec.of(contract), contract.describe(), timeout()),
                "quote of " + contract.describe()).quote();
    }

    @Override
    public QuoteSubscription subscribe(Contract contract, Consumer<Quote> listener) {
        // 100 option volume, 101 open interest, 106 implied vol of the underlying: only where they apply
        String generic = contract.isOption() ? "100,101" : contract.securityType() == io.tailguard.domain.SecurityType.STOCK
                ? "106" : "";
        return client.subscribe(ContractSpec.of(contract), contract.describe(), generic, listener);
    }

    @Override
    public List<Position> positions() {
        return await(client.positions(timeout()), "positions");
    }

    @Override
    public PositionSubscription streamPositions(PositionListener listener) {
        return client.streamPositions(listener);
    }

    @Override
    public AccountSummary accountSummary() {
        String account = accountId();
        List<TwsEvent.AccountSummaryValue> values = await(client.accountSummary(SUMMARY_TAGS, timeout()),
                "account summary");
        Map<String, TwsEvent.AccountSummaryValue> byTag = new HashMap<>();
        for (TwsEvent.AccountSummaryValue v : values) {
            if (v.account().equals(account)) {
                byTag.put(v.tag(), v);
            }
        }
        return new AccountSummary(account, amount(byTag, "NetLiquidation", account),
                amount(byTag, "TotalCashValue", account), amount(byTag, "BuyingPower", account),
                byTag.containsKey("NetLiquidation") ? byTag.get("NetLiquidation").currency() : "USD");
    }

    /**
     * Daily bars. IB's "N D" duration counts calendar days, so we ask for enough of them to cover
     * {@code days} trading days (weekends, holidays) and keep the last {@code days} bars. Indices have
     * TRADES too (with no volume).
     */
    @Override
    public List<DailyBar> dailyBars(Contract contract, int days) {
        return history(contract, days, "TRADES", "daily bars of ");
    }

    @Override
    public List<DailyBar> dailyImpliedVolatility(Contract contract, int days) {
        return history(contract, days, "OPTION_IMPLIED_VOLATILITY", "daily implied volatility of ");
    }

    private List<DailyBar> history(Contract contract, int days, String whatToShow, String what) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        int calendarDays = days * 7 / 5 + 5;
        String duration = calendarDays <= 365 ? calendarDays + " D" : (calendarDays / 365 + 1) + " Y";
        List<DailyBar> bars = await(client.historicalData(ContractSpec.of(contract), contract.describe(), duration,
                "1 day", whatToShow, timeout()), what + contract.describe());
        return bars.size() <= days ? bars : List.copyOf(bars.subList(bars.size() - days, bars.size()));
    }

    @Override
    public MarketRule marketRule(int ruleId) {
        return await(client.marketRule(ruleId, timeout()), "market rule " + ruleId);
    }

    // ---------------------------------------------------------------- OrderRoute (see IbkrOrders)

    @Override
    public long nextValidId() {
        return orders.nextValidId();
    }

    @Override
    public void place(OrderTicket ticket) {
        orders.place(ticket);
    }

    @Override
    public void cancel(long orderId) {
        orders.cancel(orderId);
    }

    @Override
    public List<OpenOrderReport> openOrders() {
        return orders.openOrders();
    }

    @Override
    public List<OpenOrderReport> completedOrders() {
        return orders.completedOrders();
    }

    @Override
    public ExecutionHistory executionsSince(Instant since) {
        return orders.executionsSince(accountId(), since);
    }

    @Override
    public AutoCloseable listen(OrderEventListener listener) {
        return orders.listen(listener);
    }

    @Override
    public void close() {
        client.close();
    }

    private Duration timeout() {
        return config.requestTimeout();
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> future, String what) {
        return BlockingResult.result(future, config.requestTimeout(), what);
    }

    private static BigDecimal amount(Map<String, TwsEvent.AccountSummaryValue> byTag, String tag, String account) {
        TwsEvent.AccountSummaryValue v = byTag.get(tag);
        if (v == null) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "account summary of " + account + " has no " + tag);
        }
        try {
            return new BigDecimal(v.value());
        } catch (NumberFormatException e) {
            throw new BrokerException(BrokerErrorKind.PROTOCOL, 0, tag + " of " + account + " is not a number: '"
                    + v.value() + "'");
        }
    }
}
