package io.tailguard.orders;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionChainDefinition;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether the broker lists a contract, and if not, why not in the trader's terms: an unknown symbol, an
 * expiry that has passed or that no series has (a Saturday), a strike off the listed grid. The expiries and
 * strikes are the broker's own (its option parameters, IB's {@code reqSecDefOptParams}), never computed
 * from dates; the contract is then looked up exactly, so what is listed is also what the broker will take
 * an order for. A broker that cannot be reached is an exception (retryable), not a verdict.
 */
public final class ContractQualifier {
    /** Index underlyings whose options tailguard trades; anything else is looked up as a stock or ETF first. */
    private static final Set<String> CBOE_INDICES = Set.of("SPX", "XSP", "VIX", "NDX", "RUT");
    private static final int NEAREST = 3;

    private final Broker broker;

    public ContractQualifier(Broker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    /** Listed (with the broker's contract and details) or not listed, with the reason. */
    public sealed interface Result {
    }

    public record Listed(ContractDetails details) implements Result {
        public Listed {
            Objects.requireNonNull(details, "details");
        }

        public Contract contract() {
            return details.contract();
        }
    }

    public record NotListed(String reason) implements Result {
        public NotListed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The broker's answer for {@code c} as of {@code today} (New York), the day used to say an expiry has passed. */
    public Result qualify(Contract c, LocalDate today) {
        if (c.securityType() != SecurityType.OPTION) {
            List<ContractDetails> found = broker.contractDetails(c);
            return found.size() == 1 ? new Listed(found.get(0))
                    : found.isEmpty() ? new NotListed(unknownSymbol(c.symbol()))
                    : new NotListed(found.size() + " contracts match " + c.describe() + "; give an exchange");
        }
        Contract underlying = underlying(c.symbol());
        if (underlying == null) {
            return new NotListed(unknownSymbol(c.symbol()));
        }
        String cls = c.tradingClass().isEmpty() ? c.symbol() : c.tradingClass();
        OptionChainDefinition def = definition(underlying, cls);
        if (def == null) {
            return new NotListed("the broker lists no " + cls + " options on " + c.symbol());
        }
        if (!def.expirations().contains(c.expiry())) {
            return new NotListed(expiryReason(c, cls, new TreeSet<>(def.expirations()), today));
        }
        List<ContractDetails> found = broker.contractDetails(c);
        if (found.size() == 1) {
            return new Listed(found.get(0));
        }
        if (found.isEmpty()) {
            return new NotListed("strike " + c.strike().toPlainString() + " is not listed for " + cls + " "
                    + c.expiry() + " " + (c.right() == io.tailguard.domain.OptionRight.PUT ? "puts" : "calls")
                    + nearestStrikes(c.strike(), new TreeSet<>(def.strikes())));
        }
        return new NotListed(found.size() + " contracts match " + c.describe() + " (give the trading class)");
    }

    /** The first listed expiry of the class after {@code today} (tomorrow or later): what {@code next} means. */
    public LocalDate nextExpiry(String symbol, String tradingClass, LocalDate today) {
        Contract underlying = underlying(symbol);
        if (underlying == null) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, unknownSymbol(symbol));
        }
        String cls = tradingClass == null || tradingClass.isEmpty() ? symbol : tradingClass;
        OptionChainDefinition def = definition(underlying, cls);
        if (def == null) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "the broker lists no " + cls + " options on "
                    + symbol);
        }
        return def.expirations().stream().filter(e -> e.isAfter(today)).findFirst()
                .orElseThrow(() -> new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "no listed " + cls
                        + " expiry after " + today));
    }

    private static String unknownSymbol(String symbol) {
        return "unknown symbol " + symbol + ": the broker lists no stock, ETF or index " + symbol;
    }

    /** The qualified underlying (index first for the Cboe index symbols, else stock first), or null. */
    private Contract underlying(String symbol) {
        List<Contract> tries = CBOE_INDICES.contains(symbol)
                ? List.of(Contract.index(symbol, "CBOE"), Contract.stock(symbol))
                : List.of(Contract.stock(symbol), Contract.index(symbol, "CBOE"));
        for (Contract t : tries) {
            List<ContractDetails> found = broker.contractDetails(t);
            if (!found.isEmpty()) {
                return found.get(0).contract();
            }
        }
        return null;
    }

    /** The class's definition, the SMART one when the broker reports several exchanges. */
    private OptionChainDefinition definition(Contract underlying, String tradingClass) {
        List<OptionChainDefinition> defs;
        try {
            defs = broker.optionChainDefinitions(underlying);
        } catch (BrokerException e) {
            if (e.kind() == BrokerErrorKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
        return defs.stream().filter(d -> d.tradingClass().equals(tradingClass))
                .min(Comparator.comparing(d -> !"SMART".equals(d.exchange()))).orElse(null);
    }

    private static String expiryReason(Contract c, String cls, NavigableSet<LocalDate> listed, LocalDate today) {
        LocalDate e = c.expiry();
        String why;
        if (e.isBefore(today)) {
            why = "expiry " + e + " has passed (today is " + today + " in New York)";
        } else if (e.getDayOfWeek() == DayOfWeek.SATURDAY || e.getDayOfWeek() == DayOfWeek.SUNDAY) {
            why = "expiry " + e + " is a " + e.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + ": no " + cls + " series expires then";
        } else {
            why = "expiry " + e + " is not a listed " + cls + " expiry";
        }
        List<LocalDate> near = new ArrayList<>();
        LocalDate from = e.isBefore(today) ? today : e;
        LocalDate below = listed.lower(from);
        if (below != null && !below.isBefore(today)) {
            near.add(below);
        }
        listed.tailSet(from, true).stream().limit(NEAREST - near.size()).forEach(near::add);
        return why + (near.isEmpty() ? "" : "; listed expiries nearby: "
                + near.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
    }

    private static String nearestStrikes(BigDecimal strike, NavigableSet<BigDecimal> listed) {
        BigDecimal below = listed.lower(strike);
        BigDecimal above = listed.higher(strike);
        List<String> near = new ArrayList<>();
        if (below != null) {
            near.add(below.toPlainString());
        }
        if (above != null) {
            near.add(above.toPlainString());
        }
        return near.isEmpty() ? "" : "; nearest listed strikes: " + String.join(", ", near);
    }
}
