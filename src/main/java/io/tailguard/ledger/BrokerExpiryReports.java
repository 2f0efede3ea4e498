package io.tailguard.ledger;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.Position;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ExpiryReports} from what the broker shows through the {@link Broker} port, for TWS and the
 * simulated gateway alike. Nothing is inferred from the calendar alone:
 * <ul>
 * <li>An option still in the broker's positions is pending.</li>
 * <li>Once it has left: if its underlying is an index (the broker's contract details say so), it settled in
 * cash against the index's official close on the expiry date, read from the broker's daily bar of that
 * date (XSP weeklies are PM-settled). No bar for that date yet: pending, never a guess.</li>
 * <li>If its underlying is a stock or ETF (UPRO), the share position tells: shares down by 100 × contracts
 * against what the ledger holds is an assignment of that many contracts (the rest expired); shares
 * unchanged is an expiry. A change that no assignment of the short calls explains (not a multiple of the
 * multiplier, more than the short contracts, shares up) is reported as inconsistent and nothing is
 * booked.</li>
 * </ul>
 * The settlement print and the daily bars are read only after the expiry day's 16:00 New York close.
 */
public final class BrokerExpiryReports implements ExpiryReports {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final BigDecimal EXERCISE_THRESHOLD = new BigDecimal("0.01");

    private final Broker broker;
    private final Clock clock;
    /** The underlying's contract by symbol, from the broker's contract details; it does not change. */
    private final Map<String, Contract> underlyings = new ConcurrentHashMap<>();
    /**
     * Closes of past sessions already read, by symbol and date: a day's final bar does not change, and IB
     * refuses an identical historical request within 15 s (pacing).
     */
    private final Map<String, BigDecimal> closes = new ConcurrentHashMap<>();

    public BrokerExpiryReports(Broker broker, Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    @Override
    public Map<String, ExpiryFinding> findings(Map<Instrument, BigDecimal> options, Map<String, BigDecimal> sharesHeld) {
        Map<String, ExpiryFinding> out = new LinkedHashMap<>();
        if (!broker.isConnected()) {
            options.keySet().forEach(o -> out.put(o.key(), new ExpiryFinding.Pending("no broker connection")));
            return out;
        }
        Map<String, BigDecimal> held;
        try {
            held = heldAtBroker();
        } catch (BrokerException e) {
            options.keySet().forEach(o -> out.put(o.key(),
                    new ExpiryFinding.Pending("broker positions unavailable: " + e.getMessage())));
            return out;
        }
        // physically settled options that left the account, grouped by underlying: one share count explains them
        Map<String, Map<Instrument, BigDecimal>> delivered = new LinkedHashMap<>();
        for (Map.Entry<Instrument, BigDecimal> e : options.entrySet()) {
            Instrument option = e.getKey();
            BigDecimal atBroker = held.getOrDefault(option.key(), BigDecimal.ZERO);
            if (atBroker.signum() != 0) {
                out.put(option.key(), new ExpiryFinding.Pending("still held at the broker ("
                        + atBroker.stripTrailingZeros().toPlainString() + ")"));
                continue;
            }
            if (!sessionClosed(option.expiry())) {
                out.put(option.key(), new ExpiryFinding.Pending("the expiry session of " + option.expiry()
                        + " has not closed"));
                continue;
            }
            Optional<Contract> underlying;
            try {
                underlying = underlying(option.symbol());
            } catch (BrokerException ex) {
                out.put(option.key(), new ExpiryFinding.Pending("contract details of " + option.symbol()
                        + " unavailable: " + ex.getMessage()));
                continue;
            }
            if (underlying.isEmpty()) {
                out.put(option.key(), new ExpiryFinding.Inconsistent("the broker lists no index and no stock "
                        + option.symbol() + ": cannot tell how the option settles"));
            } else if (underlying.get().securityType() == SecurityType.INDEX) {
                out.put(option.key(), cashSettled(option, underlying.get()));
            } else {
                delivered.computeIfAbsent(option.symbol(), s -> new LinkedHashMap<>()).put(option, e.getValue());
            }
        }
        delivered.forEach((symbol, gone) -> {
            try {
                out.putAll(physical(symbol, gone, sharesHeld.getOrDefault(symbol, BigDecimal.ZERO),
                        held.getOrDefault(symbol, BigDecimal.ZERO)));
            } catch (BrokerException e) {
                gone.keySet().forEach(o -> out.put(o.key(), new ExpiryFinding.Pending("broker: " + e.getMessage())));
            }
        });
        return out;
    }

    @Override
    public Optional<BigDecimal> closeOn(String symbol, LocalDate date) {
        if (!broker.isConnected() || !sessionClosed(date)) {
            return Optional.empty();
        }
        try {
            Optional<Contract> contract = underlying(symbol);
            return contract.isEmpty() ? Optional.empty() : barClose(contract.get(), date);
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }

    private ExpiryFinding cashSettled(Instrument option, Contract index) {
        Optional<BigDecimal> settlement;
        try {
            settlement = barClose(index, option.expiry());
        } catch (BrokerException e) {
            return new ExpiryFinding.Pending("daily bars of " + index.symbol() + " unavailable: " + e.getMessage());
        }
        if (settlement.isEmpty()) {
            return new ExpiryFinding.Pending("no daily bar of " + index.symbol() + " for " + option.expiry()
                    + " yet: the settlement value is not known");
        }
        return ExpiryFinding.of(new ExpiryReport.CashSettled(settlement.get(), settledAt(option.expiry())));
    }

    /**
     * The options of one underlying that left the account and the shares that moved: {@code ledgerShares}
     * is what the cycle holds, {@code brokerShares} what the account holds now.
     */
    private Map<String, ExpiryFinding> physical(String symbol, Map<Instrument, BigDecimal> gone,
            BigDecimal ledgerShares, BigDecimal brokerShares) {
        Map<String, ExpiryFinding> out = new LinkedHashMap<>();
        BigDecimal calledAway = ledgerShares.subtract(brokerShares);
        LocalDate expiry = gone.keySet().iterator().next().expiry();
        Instant at = settledAt(expiry);
        if (calledAway.signum() == 0) {
            gone.keySet().forEach(o -> out.put(o.key(), ExpiryFinding.of(new ExpiryReport.Expired(settledAt(o.expiry())))));
            return out;
        }
        String moved = symbol + " shares: the cycle holds " + plain(ledgerShares) + ", the broker shows "
                + plain(brokerShares);
        List<Instrument> shortCalls = gone.entrySet().stream()
                .filter(e -> e.getKey().kind() == Instrument.Kind.CALL && e.getValue().signum() < 0)
                .map(Map.Entry::getKey).toList();
        if (shortCalls.size() != gone.size()) {
            return inconsistent(gone, moved + "; only the assignment of short calls is booked from share moves"
                    + " (exercise of long options or assignment of puts is not)");
        }
        int multiplier = shortCalls.get(0).multiplier();
        if (shortCalls.stream().anyMatch(c -> c.multiplier() != multiplier)) {
            return inconsistent(gone, moved + "; the calls have different multipliers");
        }
        BigDecimal m = BigDecimal.valueOf(multiplier);
        BigDecimal shortContracts = shortCalls.stream().map(c -> gone.get(c).negate()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (calledAway.signum() < 0) {
            return inconsistent(gone, moved + ": shares went up, which no assignment of short calls explains");
        }
        if (calledAway.remainder(m).signum() != 0) {
            return inconsistent(gone, moved + ": a change of " + plain(calledAway) + " is not a multiple of "
                    + multiplier + " shares per contract");
        }
        BigDecimal contracts = calledAway.divide(m);
        if (contracts.compareTo(shortContracts) > 0) {
            return inconsistent(gone, moved + ": " + plain(contracts) + " contracts' worth of shares left, but only "
                    + plain(shortContracts) + " calls were short");
        }
        String ref = "broker positions after " + expiry + ": " + symbol + " " + plain(ledgerShares) + " -> "
                + plain(brokerShares);
        if (shortCalls.size() == 1) {
            Instrument call = shortCalls.get(0);
            out.put(call.key(), assignedAndRest(contracts, gone.get(call).negate(), ref, at));
            return out;
        }
        // several short call series: OCC assigns those in the money; the delivery must match exactly them
        Optional<BigDecimal> close = barClose(underlying(symbol).orElseThrow(), expiry);
        if (close.isEmpty()) {
            gone.keySet().forEach(o -> out.put(o.key(), new ExpiryFinding.Pending("no daily bar of " + symbol + " for "
                    + expiry + " yet to tell which of the calls were assigned")));
            return out;
        }
        BigDecimal inTheMoney = BigDecimal.ZERO;
        for (Instrument c : shortCalls) {
            if (c.intrinsicAt(close.get()).compareTo(EXERCISE_THRESHOLD) >= 0) {
                inTheMoney = inTheMoney.add(gone.get(c).negate());
            }
        }
        if (inTheMoney.compareTo(contracts) != 0) {
            return inconsistent(gone, moved + ": " + plain(contracts) + " contracts assigned, but " + plain(inTheMoney)
                    + " of the calls were in the money at the close of " + plain(close.get())
                    + "; cannot tell which series were assigned");
        }
        for (Instrument c : shortCalls) {
            boolean itm = c.intrinsicAt(close.get()).compareTo(EXERCISE_THRESHOLD) >= 0;
            BigDecimal shortQty = gone.get(c).negate();
            out.put(c.key(), itm ? assignedAndRest(shortQty, shortQty, ref, at)
                    : ExpiryFinding.of(new ExpiryReport.Expired(at)));
        }
        return out;
    }

    private static ExpiryFinding assignedAndRest(BigDecimal assigned, BigDecimal shortContracts, String ref,
            Instant at) {
        List<ExpiryReport> reports = new ArrayList<>();
        if (assigned.signum() > 0) {
            reports.add(new ExpiryReport.Assigned(assigned, ref, at));
        }
        if (assigned.compareTo(shortContracts) < 0) {
            reports.add(new ExpiryReport.Expired(at));
        }
        return new ExpiryFinding.Reported(reports);
    }

    private static Map<String, ExpiryFinding> inconsistent(Map<Instrument, BigDecimal> gone, String problem) {
        Map<String, ExpiryFinding> out = new LinkedHashMap<>();
        gone.keySet().forEach(o -> out.put(o.key(), new ExpiryFinding.Inconsistent(problem)));
        return out;
    }

    /** The account's positions by instrument key; a contract reported twice counts as its latest report. */
    private Map<String, BigDecimal> heldAtBroker() {
        String account = broker.accountId();
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (Position p : broker.positions()) {
            if (!account.equals(p.account())) {
                continue;
            }
            Contract c = p.contract();
            if (c.securityType() == SecurityType.OPTION || c.securityType() == SecurityType.STOCK) {
                held.put(Instrument.of(c).key(), p.quantity());
            }
        }
        return held;
    }

    /** The underlying {@code symbol} as the broker lists it: an index if there is one, else a stock or ETF. */
    private Optional<Contract> underlying(String symbol) {
        Contract known = underlyings.get(symbol);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Contract> found = first(new Contract(0, symbol, SecurityType.INDEX, null, null, null, 0, "", "", "USD",
                "", ""), SecurityType.INDEX)
                .or(() -> first(Contract.stock(symbol), SecurityType.STOCK));
        found.ifPresent(c -> underlyings.put(symbol, c));
        return found;
    }

    private Optional<Contract> first(Contract query, SecurityType type) {
        return broker.contractDetails(query).stream().map(ContractDetails::contract)
                .filter(c -> c.securityType() == type && c.symbol().equalsIgnoreCase(query.symbol())).findFirst();
    }

    /** The close of {@code date}'s daily bar, once the session is over; empty if the broker has no bar of that date. */
    private Optional<BigDecimal> barClose(Contract contract, LocalDate date) {
        if (!sessionClosed(date)) {
            return Optional.empty();
        }
        String key = contract.symbol() + " " + date;
        BigDecimal known = closes.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        int days = (int) Math.min(250, Math.max(5, ChronoUnit.DAYS.between(date, today) + 5));
        List<DailyBar> bars = broker.dailyBars(contract, days);
        Optional<BigDecimal> close = bars.stream().filter(b -> b.date().equals(date)).reduce((a, b) -> b)
                .filter(b -> Double.isFinite(b.close()) && b.close() > 0)
                .map(b -> BigDecimal.valueOf(b.close()));
        close.ifPresent(c -> closes.put(key, c));
        return close;
    }

    private boolean sessionClosed(LocalDate date) {
        return !clock.instant().isBefore(settledAt(date));
    }

    /** PM settlement: the close of the expiry day, 16:00 New York. */
    private static Instant settledAt(LocalDate expiry) {
        return expiry.atTime(CLOSE).atZone(NEW_YORK).toInstant();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
