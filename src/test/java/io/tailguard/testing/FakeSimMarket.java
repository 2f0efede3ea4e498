package io.tailguard.testing;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small hand-written market: UPRO (stock), XSP and VIX (indices) and XSP weekly options on two expiries
 * and five strikes, with quotes a test can change.
 */
public final class FakeSimMarket implements SimMarket {
    public static final long UPRO = 1001;
    public static final long XSP = 2001;
    public static final long VIX = 2002;
    public static final LocalDate EXPIRY_1 = LocalDate.of(2026, 11, 27);
    public static final LocalDate EXPIRY_2 = LocalDate.of(2026, 12, 4);
    public static final List<BigDecimal> STRIKES = List.of(580, 585, 590, 595, 600).stream()
            .map(BigDecimal::valueOf).toList();
    public static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final Map<Long, ContractDetails> listed = new LinkedHashMap<>();
    private final Map<Long, Quote> quotes = new ConcurrentHashMap<>();

    private final boolean wallClock;

    public FakeSimMarket() {
        this(false);
    }

    /**
     * The same market whose {@link #now()} is the machine's clock: executions are stamped now, so a client
     * that asks for the executions of the last days (a daemon reconciling after a restart) finds them.
     */
    public static FakeSimMarket atWallClock() {
        return new FakeSimMarket(true);
    }

    private FakeSimMarket(boolean wallClock) {
        this.wallClock = wallClock;
        add(new Contract(UPRO, "UPRO", SecurityType.STOCK, null, null, null, 0, "SMART", "ARCA", "USD", "UPRO", "UPRO"),
                0.01, 26, 0, "PROSHARES ULTRAPRO S&P 500");
        add(new Contract(XSP, "XSP", SecurityType.INDEX, null, null, null, 0, "CBOE", "", "USD", "XSP", "XSP"),
                0.01, 110, 0, "Mini SPX Index");
        add(new Contract(VIX, "VIX", SecurityType.INDEX, null, null, null, 0, "CBOE", "", "USD", "VIX", "VIX"),
                0.01, 110, 0, "CBOE Volatility Index");
        setQuote(UPRO, 89.95, 90.05, 90.0);
        setQuote(XSP, 589.9, 590.1, 590.0);
        setQuote(VIX, 16.1, 16.3, 16.2);
        long conId = 3000;
        for (LocalDate expiry : List.of(EXPIRY_1, EXPIRY_2)) {
            for (BigDecimal strike : STRIKES) {
                for (OptionRight right : OptionRight.values()) {
                    Contract c = new Contract(++conId, "XSP", SecurityType.OPTION, expiry, strike, right, 100, "SMART",
                            "", "USD", "", "XSP");
                    add(c, 0.01, 110, XSP, "XSP " + expiry + " " + strike + " " + right);
                    double intrinsic = Math.max(0, right == OptionRight.PUT ? strike.doubleValue() - 590
                            : 590 - strike.doubleValue());
                    double mid = intrinsic + 2.0;
                    double delta = right == OptionRight.PUT ? -0.4 : 0.6;
                    quotes.put(conId, new Quote(mid - 0.05, mid + 0.05, mid, 10, 12, 1,
                            new OptionGreeks(0.18, delta, 0.02, 0.3, -0.25, mid, 590.0), false, NOW));
                }
            }
        }
    }

    private void add(Contract c, double minTick, int ruleId, long underlying, String longName) {
        listed.put(c.conId(), new ContractDetails(c, minTick, List.of(ruleId), longName, underlying, "US/Eastern",
                "20261120:0930-20261120:1615", "20261120:0930-20261120:1615"));
    }

    /** Sets a non-option quote (bid/ask sizes 100). */
    public void setQuote(long conId, double bid, double ask, double last) {
        quotes.put(conId, new Quote(bid, ask, last, 100, 100, 10, OptionGreeks.NONE, false, NOW));
    }

    /** An option contract id of this market. */
    public long optionConId(LocalDate expiry, BigDecimal strike, OptionRight right) {
        return listed.values().stream().map(ContractDetails::contract)
                .filter(c -> c.isOption() && c.expiry().equals(expiry) && c.strike().compareTo(strike) == 0
                        && c.right() == right)
                .findFirst().orElseThrow().conId();
    }

    @Override
    public Instant now() {
        return wallClock ? Instant.now() : NOW;
    }

    @Override
    public List<ContractDetails> contractDetails(Contract q) {
        if (q.conId() > 0) {
            return contract(q.conId()).stream().toList();
        }
        List<ContractDetails> result = new ArrayList<>();
        for (ContractDetails d : listed.values()) {
            Contract c = d.contract();
            boolean match = c.symbol().equals(q.symbol()) && c.securityType() == q.securityType()
                    && (q.expiry() == null || q.expiry().equals(c.expiry()))
                    && (q.strike() == null || q.strike().compareTo(c.strike()) == 0)
                    && (q.right() == null || q.right() == c.right())
                    && (q.tradingClass().isEmpty() || q.tradingClass().equals(c.tradingClass()))
                    && (q.exchange().isEmpty() || q.exchange().equals("SMART") || q.exchange().equals(c.exchange()));
            if (match) {
                result.add(d);
            }
        }
        return result;
    }

    @Override
    public Optional<ContractDetails> contract(long conId) {
        return Optional.ofNullable(listed.get(conId));
    }

    @Override
    public List<OptionChainDefinition> optionDefinitions(String underlyingSymbol, long underlyingConId) {
        if (!"XSP".equals(underlyingSymbol)) {
            return List.of();
        }
        return List.of(new OptionChainDefinition("SMART", XSP, "XSP", 100, new TreeSet<>(List.of(EXPIRY_1, EXPIRY_2)),
                new TreeSet<>(STRIKES)));
    }

    @Override
    public Optional<Quote> quote(long conId) {
        return Optional.ofNullable(quotes.get(conId));
    }

    @Override
    public List<DailyBar> dailyBars(long conId, int days) {
        if (!listed.containsKey(conId)) {
            return List.of();
        }
        List<DailyBar> bars = new ArrayList<>();
        LocalDate end = LocalDate.of(2026, 11, 19);
        for (int i = days - 1; i >= 0; i--) {
            double close = 90 + i * 0.1;
            bars.add(new DailyBar(end.minusDays(i), close - 0.5, close + 1, close - 1, close, 1_000_000 + i));
        }
        return bars;
    }

    @Override
    public Optional<MarketRule> marketRule(int ruleId) {
        return switch (ruleId) {
            case 26 -> Optional.of(new MarketRule(26, List.of(new PriceIncrement(0, 0.01))));
            case 110 -> Optional.of(new MarketRule(110, List.of(new PriceIncrement(0, 0.01), new PriceIncrement(3, 0.05))));
            default -> Optional.empty();
        };
    }
}
