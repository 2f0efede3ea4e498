package io.tailguard.broker.sim.market;

import io.tailguard.domain.SecurityType;
import io.tailguard.calendar.Venue;
import java.util.List;
import java.util.Optional;

/**
 * The non-option instruments of the simulated universe with their stable conIds. The ids are the
 * sim's own, not IB's (a client must always qualify contracts and use the ids it is given).
 */
public enum Underlying {
    SPX(10_001, "SPX", SecurityType.INDEX, "CBOE", "", "S&P 500 Stock Index"),
    XSP(10_002, "XSP", SecurityType.INDEX, "CBOE", "", "Mini-SPX Index"),
    VIX(10_003, "VIX", SecurityType.INDEX, "CBOE", "", "CBOE Volatility Index"),
    VIX9D(10_004, "VIX9D", SecurityType.INDEX, "CBOE", "", "CBOE S&P 500 9-Day Volatility Index"),
    VIX3M(10_005, "VIX3M", SecurityType.INDEX, "CBOE", "", "CBOE S&P 500 3-Month Volatility Index"),
    /** The 10-year Treasury yield times ten, as IB quotes it (4.30 % is 43.0). */
    TNX(10_006, "TNX", SecurityType.INDEX, "CBOE", "", "CBOE 10-Year Treasury Note Yield Index"),
    UPRO(10_101, "UPRO", SecurityType.STOCK, "SMART", "ARCA", "PROSHARES ULTRAPRO S&P 500"),
    SPY(10_102, "SPY", SecurityType.STOCK, "SMART", "ARCA", "SPDR S&P 500 ETF TRUST");

    private final long conId;
    private final String symbol;
    private final SecurityType securityType;
    private final String exchange;
    private final String primaryExchange;
    private final String longName;

    Underlying(long conId, String symbol, SecurityType securityType, String exchange, String primaryExchange,
            String longName) {
        this.conId = conId;
        this.symbol = symbol;
        this.securityType = securityType;
        this.exchange = exchange;
        this.primaryExchange = primaryExchange;
        this.longName = longName;
    }

    public long conId() {
        return conId;
    }

    public String symbol() {
        return symbol;
    }

    public SecurityType securityType() {
        return securityType;
    }

    public String exchange() {
        return exchange;
    }

    public String primaryExchange() {
        return primaryExchange;
    }

    public String longName() {
        return longName;
    }

    /** Stocks route SMART and list on their primary exchange; indices only on Cboe. */
    public List<String> validExchanges() {
        return securityType == SecurityType.STOCK ? List.of("SMART", primaryExchange) : List.of(exchange);
    }

    public Venue venue() {
        return Venue.EQUITIES;
    }

    public int marketRuleId() {
        return MarketRules.PENNY;
    }

    public static Optional<Underlying> byConId(long conId) {
        for (Underlying u : values()) {
            if (u.conId == conId) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
