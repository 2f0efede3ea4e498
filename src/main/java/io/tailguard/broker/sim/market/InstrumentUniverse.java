package io.tailguard.broker.sim.market;

import io.tailguard.calendar.Venue;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.SecurityType;
import io.tailguard.calendar.ExchangeCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is listed on a given day: the underlyings, and for each option class its expiries (from the
 * calendar: a weekly or monthly whose day is a holiday moves to the session before) and strikes (a
 * grid around every close of the underlying since the series was listed, so a strike once listed
 * stays listed). Contract details carry the class's market rule, minimum tick and hours.
 */
final class InstrumentUniverse {

    static final List<String> OPTION_EXCHANGES = List.of("SMART", "CBOE");
    static final String TIME_ZONE_ID = "US/Eastern";
    private static final DateTimeFormatter OCC_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final ExchangeCalendar calendar;
    private final MarketPath path;
    private final double dividendYield;
    private final Map<String, NavigableSet<LocalDate>> expiryCache = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<BigDecimal>> strikeCache = new ConcurrentHashMap<>();
    private final Map<String, String> hoursCache = new ConcurrentHashMap<>();

    InstrumentUniverse(ExchangeCalendar calendar, MarketPath path, double dividendYield) {
        this.calendar = calendar;
        this.path = path;
        this.dividendYield = dividendYield;
    }

    /** Expiries of {@code cls} still trading at {@code now}, soonest first. */
    NavigableSet<LocalDate> expiries(OptionClass cls, Instant now) {
        LocalDate today = now.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        NavigableSet<LocalDate> all = expiryCache.computeIfAbsent(cls + "@" + today, key -> listedFrom(cls, today));
        TreeSet<LocalDate> live = new TreeSet<>();
        for (LocalDate e : all) {
            if (now.isBefore(lastTradingInstant(cls, e))) {
                live.add(e);
            }
        }
        return live;
    }

    /** When trading in the series stops: the venue close of the expiry day (the day before for AM-settled). */
    Instant lastTradingInstant(OptionClass cls, LocalDate expiry) {
        LocalDate lastDay = cls.amSettled() ? calendar.previousTradingDay(expiry) : expiry;
        return calendar.sessionClose(lastDay, cls.venue()).toInstant();
    }

    /** True when {@code expiry} is one the class's rules produce (weekly day or third Friday, holiday-shifted). */
    boolean isRuleExpiry(OptionClass cls, LocalDate expiry) {
        if (!calendar.isTradingDay(expiry)) {
            return false;
        }
        LocalDate next = calendar.nextTradingDay(expiry);
        for (LocalDate d = expiry; d.isBefore(next); d = d.plusDays(1)) {
            if (cls.weeklyDays().contains(d.getDayOfWeek()) || (cls.listsMonthly() && isThirdFriday(d))) {
                return true;
            }
        }
        return false;
    }

    private NavigableSet<LocalDate> listedFrom(OptionClass cls, LocalDate today) {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (int i = 0; i <= OptionClass.MONTHLY_HORIZON_DAYS; i++) {
            LocalDate d = today.plusDays(i);
            boolean weekly = i <= OptionClass.LISTING_HORIZON_DAYS && cls.weeklyDays().contains(d.getDayOfWeek());
            boolean monthly = cls.listsMonthly() && isThirdFriday(d);
            if (weekly || monthly) {
                LocalDate e = calendar.tradingDayOnOrBefore(d);
                if (!e.isBefore(today)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static boolean isThirdFriday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.FRIDAY
                && d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
    }

    /**
     * Strikes of a series as listed on {@code today}: fine steps within the class's width around the
     * lowest and highest close of the underlying since listing, coarse steps further out.
     */
    NavigableSet<BigDecimal> strikes(OptionClass cls, LocalDate expiry, LocalDate today) {
        LocalDate asOf = today.isAfter(expiry) ? expiry : today;
        String key = cls + "@" + expiry + "@" + asOf + "@" + path.version();
        return strikeCache.computeIfAbsent(key, k -> grid(cls, expiry, asOf));
    }

    private NavigableSet<BigDecimal> grid(OptionClass cls, LocalDate expiry, LocalDate asOf) {
        // Listing date taken as the monthly horizon for every series: a slightly wider grid for weeklies.
        LocalDate listed = expiry.minusDays(OptionClass.MONTHLY_HORIZON_DAYS);
        LocalDate lastClose = calendar.previousTradingDay(asOf);
        if (lastClose.isBefore(path.historyStart())) {
            lastClose = path.historyStart();
        }
        LocalDate from = listed.isAfter(lastClose) ? lastClose : listed;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (PathDay day : path.days(from, lastClose)) {
            double close = underlyingClose(cls.underlying(), day);
            lo = Math.min(lo, close);
            hi = Math.max(hi, close);
        }
        TreeSet<BigDecimal> out = new TreeSet<>();
        addSteps(out, lo * (1 - cls.fineWidth()), hi * (1 + cls.fineWidth()), cls.fineStep());
        addSteps(out, lo * (1 - cls.coarseDown()), hi * (1 + cls.coarseUp()), cls.coarseStep());
        return out;
    }

    private static void addSteps(TreeSet<BigDecimal> out, double from, double to, BigDecimal step) {
        BigDecimal k = BigDecimal.valueOf(from).divide(step, 0, RoundingMode.CEILING).multiply(step);
        BigDecimal end = BigDecimal.valueOf(to);
        for (; k.compareTo(end) <= 0; k = k.add(step)) {
            if (k.signum() > 0) {
                out.add(k.stripTrailingZeros());
            }
        }
    }

    double underlyingClose(Underlying u, PathDay day) {
        return switch (u) {
            case SPX -> day.spxClose();
            case XSP -> day.spxClose() / 10;
            case UPRO -> day.uproClose();
            case SPY -> day.spxClose() / 10 * SpyDividends.accrualFactor(day.date(), dividendYield);
            default -> throw new IllegalArgumentException("no options on " + u);
        };
    }

    /** An option contract of the universe (not checked for listing). */
    static Optional<Contract> optionContract(OptionClass cls, LocalDate expiry, BigDecimal strike, OptionRight right,
            String exchange) {
        return OptionConIds.encode(cls, expiry, strike, right).map(id -> new Contract(id, cls.symbol(),
                SecurityType.OPTION, expiry, strike, right, cls.multiplier(), exchange, "", "USD",
                occSymbol(cls, expiry, strike, right), cls.tradingClass()));
    }

    /** The OCC symbol IB uses as the local symbol: root padded to six, yymmdd, C/P, strike × 1000 in eight digits. */
    static String occSymbol(OptionClass cls, LocalDate expiry, BigDecimal strike, OptionRight right) {
        String root = String.format("%-6s", cls.tradingClass());
        long milli = strike.movePointRight(3).longValueExact();
        return root + OCC_DATE.format(expiry) + (right == OptionRight.CALL ? "C" : "P") + String.format("%08d", milli);
    }

    static Contract underlyingContract(Underlying u, String exchange) {
        return new Contract(u.conId(), u.symbol(), u.securityType(), null, null, null, 0, exchange,
                u.primaryExchange(), "USD", u.symbol(), u.symbol());
    }

    ContractDetails details(Underlying u, String exchange, LocalDate today) {
        String liquid = hours(u.venue(), today, false);
        String trading = u.securityType() == SecurityType.STOCK ? hours(u.venue(), today, true) : liquid;
        return new ContractDetails(underlyingContract(u, exchange), 0.01, List.of(u.marketRuleId()), u.longName(), 0,
                TIME_ZONE_ID, trading, liquid);
    }

    ContractDetails details(OptionClass cls, Contract option, LocalDate today) {
        String hours = hours(cls.venue(), today, false);
        double minTick = MarketRules.require(cls.marketRuleId()).increments().get(0).increment();
        return new ContractDetails(option, minTick, List.of(cls.marketRuleId()), cls.underlying().longName(),
                cls.underlying().conId(), TIME_ZONE_ID, hours, hours);
    }

    private String hours(Venue venue, LocalDate today, boolean extended) {
        return hoursCache.computeIfAbsent(venue + "@" + today + "@" + extended, k -> extended
                ? TradingHoursText.extendedHours(calendar, venue, today)
                : TradingHoursText.liquidHours(calendar, venue, today));
    }

    /** Every listed contract answering {@code query} at {@code now}. */
    List<ContractDetails> find(ContractQuery query, Instant now) {
        LocalDate today = now.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        List<ContractDetails> out = new ArrayList<>();
        for (Underlying u : Underlying.values()) {
            String exchange = pickExchange(query.exchange(), u.validExchanges(), u.exchange());
            if (exchange != null && query.matches(underlyingContract(u, exchange), u.validExchanges())) {
                out.add(details(u, exchange, today));
            }
        }
        if (query.excludesOptions()) {
            return out;
        }
        String exchange = pickExchange(query.exchange(), OPTION_EXCHANGES, "SMART");
        if (exchange == null) {
            return out;
        }
        for (OptionClass cls : OptionClass.values()) {
            if (!query.symbol().isEmpty() && !query.symbol().equalsIgnoreCase(cls.symbol())
                    || !query.tradingClass().isEmpty() && !query.tradingClass().equalsIgnoreCase(cls.tradingClass())) {
                continue;
            }
            for (LocalDate expiry : expiries(cls, now)) {
                if (query.expiry() != null && !query.expiry().equals(expiry)) {
                    continue;
                }
                NavigableSet<BigDecimal> grid = strikes(cls, expiry, today);
                Iterable<BigDecimal> strikes = query.strike() == null ? grid
                        : grid.contains(query.strike().stripTrailingZeros()) ? List.of(query.strike()) : List.of();
                for (BigDecimal strike : strikes) {
                    for (OptionRight right : OptionRight.values()) {
                        optionContract(cls, expiry, strike, right, exchange)
                                .filter(c -> query.matches(c, OPTION_EXCHANGES))
                                .ifPresent(c -> out.add(details(cls, c, today)));
                    }
                }
            }
        }
        return out;
    }

    /** A contract by id: underlyings, and options whose series is (or was) listed; expired ones included. */
    Optional<ContractDetails> byConId(long conId, Instant now) {
        LocalDate today = now.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        Optional<Underlying> u = Underlying.byConId(conId);
        if (u.isPresent()) {
            return Optional.of(details(u.get(), u.get().exchange(), today));
        }
        return OptionConIds.decode(conId)
                .filter(d -> isRuleExpiry(d.optionClass(), d.expiry()))
                .filter(d -> !d.expiry().isAfter(today.plusDays(OptionClass.MONTHLY_HORIZON_DAYS)))
                .filter(d -> !d.expiry().minusDays(OptionClass.MONTHLY_HORIZON_DAYS).isBefore(path.historyStart()))
                .filter(d -> strikes(d.optionClass(), d.expiry(), today).contains(d.strike()))
                .flatMap(d -> optionContract(d.optionClass(), d.expiry(), d.strike(), d.right(), "SMART")
                        .map(c -> details(d.optionClass(), c, today)));
    }

    private static String pickExchange(String asked, List<String> valid, String fallback) {
        if (asked.isEmpty()) {
            return fallback;
        }
        return valid.stream().filter(asked::equalsIgnoreCase).findFirst().orElse(null);
    }
}
