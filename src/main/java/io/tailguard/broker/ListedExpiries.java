package io.tailguard.broker;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionChainDefinition;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Expiries as the broker lists them (never computed from dates alone), for one trading class. */
public final class ListedExpiries {
    private ListedExpiries() {
    }

    /** Every listed expiry of the class, preferring the SMART definition when the broker reports several. */
    public static SortedSet<LocalDate> of(Broker broker, Contract underlying, String tradingClass) {
        List<OptionChainDefinition> definitions = broker.optionChainDefinitions(underlying).stream()
                .filter(d -> d.tradingClass().equals(tradingClass))
                .sorted(Comparator.comparing(d -> !"SMART".equals(d.exchange())))
                .toList();
        if (definitions.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "the broker lists no " + tradingClass
                    + " options on " + underlying.symbol());
        }
        return new TreeSet<>(definitions.get(0).expirations());
    }

    /** The first listed expiry on or after {@code from}. */
    public static LocalDate firstOnOrAfter(Broker broker, Contract underlying, String tradingClass, LocalDate from) {
        return of(broker, underlying, tradingClass).stream().filter(e -> !e.isBefore(from)).findFirst()
                .orElseThrow(() -> new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "no listed " + tradingClass
                        + " expiry on or after " + from));
    }
}
