package io.tailguard.orders;

import io.tailguard.broker.sim.SimMarket;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.PriceIncrement;
import io.tailguard.domain.Quote;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The smallest market the order benchmark needs behind the simulated gateway: UPRO (the account holds
 * it from the start), the XSP index and one weekly XSP put, whose quote the benchmark sets (locked, so
 * that a limit at the mid fills at once), on the benchmark's clock. XSP options trade in pennies below
 * 3.00 and nickels above (IB's rule 110).
 */
final class LockedOptionMarket implements SimMarket {
    static final long UPRO = 1001;
    static final long XSP = 2001;
    static final long PUT = 3001;
    static final LocalDate EXPIRY = LocalDate.of(2026, 11, 27);
    static final BigDecimal STRIKE = new BigDecimal("590");
    private static final int RULE = 110;

    private final Clock clock;
    private final ContractDetails stock;
    private final ContractDetails index;
    private final ContractDetails put;
    private volatile Quote quote;

    LockedOptionMarket(Clock clock) {
        this.clock = clock;
        stock = details(new Contract(UPRO, "UPRO", SecurityType.STOCK, null, null, null, 0, "SMART", "ARCA", "USD",
                "UPRO", "UPRO"), 0, "PROSHARES ULTRAPRO S&P 500");
        index = details(new Contract(XSP, "XSP", SecurityType.INDEX, null, null, null, 0, "CBOE", "", "USD", "XSP",
                "XSP"), 0, "Mini SPX Index");
        put = details(new Contract(PUT, "XSP", SecurityType.OPTION, EXPIRY, STRIKE, OptionRight.PUT, 100, "SMART", "",
                "USD", "", "XSP"), XSP, "XSP " + EXPIRY + " " + STRIKE + " PUT");
        setQuote(2.00, 2.00, 2.00);
    }

    private static ContractDetails details(Contract c, long underlying, String name) {
        return new ContractDetails(c, 0.01, List.of(RULE), name, underlying, "US/Eastern", "", "");
    }

    /** The put's quote from now on, stamped with the benchmark's clock. */
    void setQuote(double bid, double ask, double last) {
        quote = new Quote(bid, ask, last, 10, 10, 1, new OptionGreeks(0.18, -0.4, 0.02, 0.3, -0.25, last, 590.0),
                false, clock.instant());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public List<ContractDetails> contractDetails(Contract q) {
        if (q.conId() > 0) {
            return contract(q.conId()).stream().toList();
        }
        return List.of(stock, index, put).stream().filter(d -> matches(d.contract(), q)).toList();
    }

    /** IB's matching: an empty, zero or null field of the query matches anything. */
    private static boolean matches(Contract c, Contract q) {
        return c.symbol().equals(q.symbol()) && c.securityType() == q.securityType()
                && (q.expiry() == null || q.expiry().equals(c.expiry()))
                && (q.strike() == null || q.strike().compareTo(c.strike()) == 0)
                && (q.right() == null || q.right() == c.right())
                && (q.tradingClass().isEmpty() || q.tradingClass().equals(c.tradingClass()));
    }

    @Override
    public Optional<ContractDetails> contract(long conId) {
        return List.of(stock, index, put).stream().filter(d -> d.contract().conId() == conId).findFirst();
    }

    @Override
    public List<OptionChainDefinition> optionDefinitions(String underlyingSymbol, long underlyingConId) {
        return "XSP".equals(underlyingSymbol) ? List.of(new OptionChainDefinition("SMART", XSP, "XSP", 100,
                new TreeSet<>(List.of(EXPIRY)), new TreeSet<>(List.of(STRIKE)))) : List.of();
    }

    @Override
    public Optional<Quote> quote(long conId) {
        if (conId == UPRO) {
            return Optional.of(new Quote(89.95, 90.05, 90.0, 100, 100, 10, OptionGreeks.NONE, false, clock.instant()));
        }
        return conId == PUT ? Optional.of(quote) : Optional.empty();
    }

    @Override
    public List<DailyBar> dailyBars(long conId, int days) {
        return List.of();
    }

    @Override
    public Optional<MarketRule> marketRule(int ruleId) {
        return ruleId == RULE ? Optional.of(new MarketRule(RULE, List.of(new PriceIncrement(0, 0.01),
                new PriceIncrement(3, 0.05)))) : Optional.empty();
    }
}
