package io.tailguard.broker.sim.market;

import io.tailguard.domain.OptionRight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Stable option conIds, computed rather than allocated so that a contract has the same id in every
 * run and whatever the simulated date: 3 bits of class, 12 bits of expiry (days since 2020-01-01,
 * good until 2031-03), 15 bits of strike in the class's strike unit, 1 bit of right. Every id fits a
 * positive 32-bit int (IB's conId type) and is above 2^28, so it never collides with an underlying's.
 */
final class OptionConIds {

    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    private static final int MAX_DAYS = (1 << 12) - 1;
    private static final int MAX_STRIKE_UNITS = (1 << 15) - 1;

    private OptionConIds() {
    }

    /** The id, or empty when the expiry or strike cannot be encoded (then the series is not listed). */
    static Optional<Long> encode(OptionClass cls, LocalDate expiry, BigDecimal strike, OptionRight right) {
        long days = expiry.toEpochDay() - EPOCH.toEpochDay();
        BigDecimal[] units = strike.divideAndRemainder(cls.strikeUnit());
        if (days < 0 || days > MAX_DAYS || units[1].signum() != 0 || units[0].signum() <= 0
                || units[0].intValueExact() > MAX_STRIKE_UNITS) {
            return Optional.empty();
        }
        long id = cls.code();
        id = (id << 12) | days;
        id = (id << 15) | units[0].intValueExact();
        id = (id << 1) | (right == OptionRight.CALL ? 1 : 0);
        return Optional.of(id);
    }

    record Decoded(OptionClass optionClass, LocalDate expiry, BigDecimal strike, OptionRight right) {
    }

    static Optional<Decoded> decode(long conId) {
        if (conId < (1L << 28) || conId > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        int code = (int) (conId >>> 28);
        int days = (int) ((conId >>> 16) & MAX_DAYS);
        int units = (int) ((conId >>> 1) & MAX_STRIKE_UNITS);
        OptionRight right = (conId & 1) == 1 ? OptionRight.CALL : OptionRight.PUT;
        return OptionClass.byCode(code).filter(c -> units > 0).map(c -> new Decoded(c, EPOCH.plusDays(days),
                c.strikeUnit().multiply(BigDecimal.valueOf(units)).stripTrailingZeros(), right));
    }
}
