package io.tailguard.broker.sim.market;

import io.tailguard.calendar.Venue;
import io.tailguard.broker.sim.SimMarket;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import io.tailguard.domain.SecurityType;
import io.tailguard.calendar.ExchangeCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated market behind {@code SimGateway}: a fixed universe (SPX, XSP, VIX, VIX9D, VIX3M,
 * TNX, UPRO, SPY and the SPX/SPXW/XSP/UPRO/SPY options), a seeded path that moves only while the
 * exchange is open, quotes computed on demand and cached per step of the path. Thread-safe.
 *
 * <p>Construct with {@code new ModelMarket(config, ExchangeCalendar.nyse(), SimClock.of(config))}
 * or {@link #create(MarketModelConfig)}; script scenarios with {@link #scriptUproCloses} and
 * {@link #setVolOverride}.
 */
public final class ModelMarket implements SimMarket {

    private final MarketModelConfig config;
    private final ExchangeCalendar calendar;
    private final SimClock clock;
    private final MarketPath path;
    private final VolSurface surface;
    private final InstrumentUniverse universe;
    private volatile VolOverride volOverride = VolOverride.none();
    private volatile QuoteCache cache = new QuoteCache("", null);

    /** Everything computed for one step of the path (and one clock reading's listed expiries). */
    private record QuoteCache(String key, MarketLevels levels, ConcurrentHashMap<Long, Quote> quotes,
            ConcurrentHashMap<OptionClass, NavigableSet<LocalDate>> expiries) {
        QuoteCache(String key, MarketLevels levels) {
            this(key, levels, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    public ModelMarket(MarketModelConfig config, ExchangeCalendar calendar, SimClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.path = new MarketPath(config, calendar);
        this.surface = new VolSurface(config);
        this.universe = new InstrumentUniverse(calendar, path, config.dividendYield());
    }

    /** The NYSE calendar and the clock the config asks for. */
    public static ModelMarket create(MarketModelConfig config) {
        return new ModelMarket(config, ExchangeCalendar.nyse(), SimClock.of(config));
    }

    public SimClock clock() {
        return clock;
    }

    public ExchangeCalendar calendar() {
        return calendar;
    }

    public MarketModelConfig config() {
        return config;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public List<ContractDetails> contractDetails(Contract query) {
        return contractDetails(ContractQuery.of(query));
    }

    /** IB-style matching of a partial query; an option query may leave expiry, strike (0) and right open. */
    public List<ContractDetails> contractDetails(ContractQuery query) {
        Instant now = now();
        if (query.conId() > 0) {
            return contract(query.conId()).filter(d -> isLive(d.contract(), now)).stream().toList();
        }
        return universe.find(query, now);
    }

    /** A contract by id, including options that expired within the path's history (for settlement). */
    @Override
    public Optional<ContractDetails> contract(long conId) {
        return universe.byConId(conId, now());
    }

    @Override
    public List<OptionChainDefinition> optionDefinitions(String underlyingSymbol, long underlyingConId) {
        Instant now = now();
        LocalDate today = today(now);
        List<OptionChainDefinition> out = new ArrayList<>();
        for (OptionClass cls : OptionClass.values()) {
            Underlying u = cls.underlying();
            if (!u.symbol().equalsIgnoreCase(underlyingSymbol) || underlyingConId > 0 && underlyingConId != u.conId()) {
                continue;
            }
            NavigableSet<LocalDate> expiries = universe.expiries(cls, now);
            TreeSet<BigDecimal> strikes = new TreeSet<>();
            expiries.forEach(e -> strikes.addAll(universe.strikes(cls, e, today)));
            for (String exchange : InstrumentUniverse.OPTION_EXCHANGES) {
                out.add(new OptionChainDefinition(exchange, u.conId(), cls.tradingClass(), cls.multiplier(), expiries,
                        strikes));
            }
        }
        return out;
    }

    @Override
    public Optional<Quote> quote(long conId) {
        Instant now = now();
        QuoteCache c = currentCache(now);
        Quote cached = c.quotes().get(conId);
        if (cached == null) {
            Optional<Quote> fresh = computeQuote(conId, c, now);
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            cached = c.quotes().computeIfAbsent(conId, id -> fresh.get());
        }
        return Optional.of(withReceivedAt(cached, now));
    }

    @Override
    public List<DailyBar> dailyBars(long conId, int days) {
        return Underlying.byConId(conId)
                .map(u -> new DailyBars(path, surface, volOverride, config.dividendYield()).bars(u, now(), days))
                .orElse(List.of());
    }

    @Override
    public Optional<MarketRule> marketRule(int ruleId) {
        return MarketRules.byId(ruleId);
    }

    /** The current level of an underlying (SPX, UPRO, VIX, TNX as 10 × yield, ...). */
    public double level(Underlying u) {
        return currentCache(now()).levels().level(u);
    }

    /**
     * Forces UPRO's closes on consecutive sessions from {@code firstDay}; SPX follows with
     * {@code (UPRO return + drag) / 3}. Scripted days must lie after the anchor session (the close
     * before the config's start date). The path is regenerated from {@code firstDay}.
     */
    public void scriptUproCloses(LocalDate firstDay, List<Double> closes) {
        path.scriptUproCloses(firstDay, closes);
        cache = new QuoteCache("", null);
    }

    /** Replaces the model's ATM vol (XSP/SPX; UPRO's is three times it) from now on. */
    public void setVolOverride(VolOverride override) {
        this.volOverride = Objects.requireNonNull(override, "override");
        cache = new QuoteCache("", null);
    }

    /**
     * True while {@code conId} can trade now: its venue is in its regular session (stocks and indices
     * the equities session, UPRO options until 16:00, index and SPY options until 16:15) and, for an
     * option, the series has not stopped trading. For issue #4's matching: paper accounts fill only
     * during market hours.
     */
    public boolean isTrading(long conId) {
        Instant now = now();
        if (Underlying.byConId(conId).isPresent()) {
            return calendar.isOpen(now, Venue.EQUITIES);
        }
        return OptionConIds.decode(conId)
                .filter(d -> universe.expiries(d.optionClass(), now).contains(d.expiry()))
                .map(d -> calendar.isOpen(now, d.optionClass().venue()))
                .orElse(false);
    }

    /**
     * When a DAY order for this contract placed at {@code placedAt} ends: the close of its session, that
     * is of the session under way, or of the next one when it was placed after a close or on a day
     * without trading (IB queues it for the next session). Empty for a contract this market does not list.
     */
    public Optional<Instant> dayOrderEnd(long conId, Instant placedAt) {
        Optional<Venue> venue = Underlying.byConId(conId).isPresent() ? Optional.of(Venue.EQUITIES)
                : OptionConIds.decode(conId).map(d -> d.optionClass().venue());
        return venue.map(v -> {
            LocalDate day = LocalDate.ofInstant(placedAt, ExchangeCalendar.NEW_YORK);
            if (!calendar.isTradingDay(day) || !placedAt.isBefore(calendar.sessionClose(day, v).toInstant())) {
                day = calendar.nextTradingDay(day);
            }
            return calendar.sessionClose(day, v).toInstant();
        });
    }

    /** The close of the session before the config's start date, where the start levels are anchored. */
    public LocalDate anchorDate() {
        return path.anchorDate();
    }

    /**
     * How an option settled, once its settlement value is known; empty before or for a non-option. The
     * settlement value is the underlying's official print in cents, the value the daily bar of the expiry
     * date shows: its close for PM-settled series, its open for AM-settled SPX monthlies.
     */
    public Optional<Settlement> settlement(long conId) {
        return OptionConIds.decode(conId).flatMap(d -> {
            OptionClass cls = d.optionClass();
            Instant at = settlementInstant(cls, d.expiry());
            if (now().isBefore(at) || !calendar.isTradingDay(d.expiry())) {
                return Optional.<Settlement>empty();
            }
            // the same point and the same cents as the daily bar of the expiry date: its close (PM), its open (AM)
            MarketPoint p = path.sessionPoint(d.expiry(), !cls.amSettled());
            double s = Math.round(MarketLevels.at(p, surface, volOverride, config.dividendYield())
                    .level(cls.underlying()) * 100) / 100.0;
            double k = d.strike().doubleValue();
            double intrinsic = Math.round(Math.max(0, d.right() == OptionRight.CALL ? s - k : k - s) * 100) / 100.0;
            return Optional.of(new Settlement(conId, s, intrinsic, at));
        });
    }

    private Instant settlementInstant(OptionClass cls, LocalDate expiry) {
        // SPX monthlies settle on the opening prints (point 0 of the path); the rest on the equities close.
        return cls.amSettled()
                ? calendar.sessionOpen(expiry, cls.venue()).toInstant()
                : calendar.sessionClose(expiry, Venue.EQUITIES).toInstant();
    }

    private boolean isLive(Contract c, Instant now) {
        if (c.securityType() != SecurityType.OPTION) {
            return true;
        }
        OptionClass cls = OptionConIds.decode(c.conId()).orElseThrow().optionClass();
        return universe.expiries(cls, now).contains(c.expiry());
    }

    private QuoteCache currentCache(Instant now) {
        MarketPoint p = path.pointAt(now);
        // After the stocks close the path stands still but index options trade (and expire) until
        // 16:15: key the cache by the minute then, so a series disappears on time.
        String key = p.point() == p.day().lastPoint() ? p.key() + "@" + now.getEpochSecond() / 60 : p.key();
        QuoteCache c = cache;
        if (!key.equals(c.key())) {
            c = new QuoteCache(key, MarketLevels.at(p, surface, volOverride, config.dividendYield()));
            cache = c;
        }
        return c;
    }

    private Optional<Quote> computeQuote(long conId, QuoteCache c, Instant now) {
        long sizeSeed = conId * 31 + c.key().hashCode();
        Optional<Underlying> u = Underlying.byConId(conId);
        if (u.isPresent()) {
            double level = c.levels().level(u.get());
            return Optional.of(u.get().securityType() == SecurityType.STOCK
                    ? OptionQuoter.stockQuote(level, sizeSeed, now)
                    : OptionQuoter.indexQuote(level, now));
        }
        Optional<OptionConIds.Decoded> d = OptionConIds.decode(conId);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        OptionClass cls = d.get().optionClass();
        if (!c.expiries().computeIfAbsent(cls, x -> universe.expiries(x, now)).contains(d.get().expiry())
                || !universe.strikes(cls, d.get().expiry(), today(now)).contains(d.get().strike())) {
            return Optional.empty();
        }
        // PM series settle on the 16:00 index close: between 16:00 and 16:15 they still trade, at intrinsic value.
        Instant settles = settlementInstant(cls, d.get().expiry());
        return Optional.of(OptionQuoter.quote(cls, d.get().strike().doubleValue(), d.get().right(), settles,
                c.levels(), sizeSeed, now));
    }

    private static Quote withReceivedAt(Quote q, Instant now) {
        if (q.receivedAt().equals(now)) {
            return q;
        }
        return new Quote(q.bid(), q.ask(), q.last(), q.bidSize(), q.askSize(), q.lastSize(), q.greeks(), q.delayed(),
                now);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
    }
}
