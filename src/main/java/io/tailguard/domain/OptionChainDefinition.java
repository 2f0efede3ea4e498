package io.tailguard.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The broker's own definition of an option class on one exchange (IB's security definition option
 * parameters): its expiries and strikes. Expiries are taken from here, never computed.
 */
public record OptionChainDefinition(
        String exchange,
        long underlyingConId,
        String tradingClass,
        int multiplier,
        SortedSet<LocalDate> expirations,
        SortedSet<BigDecimal> strikes) {

    public OptionChainDefinition {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(tradingClass, "tradingClass");
        expirations = Collections.unmodifiableSortedSet(new TreeSet<>(expirations));
        TreeSet<BigDecimal> normalized = new TreeSet<>();
        strikes.forEach(s -> normalized.add(s.stripTrailingZeros()));
        strikes = Collections.unmodifiableSortedSet(normalized);
    }
}
