package io.tailguard.broker;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A chain pull: the options of {@code tradingClass} on {@code underlying} expiring on {@code expiry}
 * (an expiry from the broker's own definitions), with strikes within {@code widthFraction} of the
 * underlying price (0.10 = ±10%), for the given rights. Whatever has not quoted within {@code timeout}
 * is reported missing.
 */
public record ChainRequest(
        Contract underlying,
        String tradingClass,
        LocalDate expiry,
        double widthFraction,
        Set<OptionRight> rights,
        Duration timeout) {

    public ChainRequest {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(tradingClass, "tradingClass");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(timeout, "timeout");
        if (!(widthFraction > 0 && widthFraction <= 1)) {
            throw new IllegalArgumentException("widthFraction must be in (0, 1], was " + widthFraction);
        }
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("rights must not be empty");
        }
        rights = Set.copyOf(rights);
    }

    public static ChainRequest puts(Contract underlying, String tradingClass, LocalDate expiry, double width) {
        return new ChainRequest(underlying, tradingClass, expiry, width, EnumSet.of(OptionRight.PUT),
                Duration.ofSeconds(60));
    }
}
