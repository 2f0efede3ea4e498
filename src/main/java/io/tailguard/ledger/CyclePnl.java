package io.tailguard.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The result of one cycle. Money in USD, exact (rounded only for display); returns are fractions of the
 * underlying position's value at the start. {@code commissions} is negative (a cost).
 * {@code unhedged} is what the shares held at the start did alone over the same prices.
 */
public record CyclePnl(
        String cycleId,
        boolean closed,
        BigDecimal startValue,
        BigDecimal endPrice,
        BigDecimal underlying,
        BigDecimal puts,
        BigDecimal calls,
        BigDecimal commissions,
        BigDecimal net,
        BigDecimal unhedged,
        BigDecimal premiumPaid,
        BigDecimal premiumReceived,
        BigDecimal settlementCash,
        int commissionsUnknown,
        BigDecimal commitment) {

    static final MathContext RATIO = new MathContext(12, RoundingMode.HALF_EVEN);

    public CyclePnl {
        Objects.requireNonNull(cycleId, "cycleId");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(commitment, "commitment");
    }

    public BigDecimal hedgedReturn() {
        return startValue.signum() == 0 ? BigDecimal.ZERO : net.divide(startValue, RATIO);
    }

    public BigDecimal unhedgedReturn() {
        return startValue.signum() == 0 ? BigDecimal.ZERO : unhedged.divide(startValue, RATIO);
    }

    /**
     * How much of the unhedged loss the hedge took away, as a fraction of it (1 = all of it, above 1 = a
     * gain in a losing week). Null in a week the underlying did not lose: there was nothing to mitigate.
     */
    public BigDecimal lossMitigation() {
        if (unhedged.signum() >= 0) {
            return null;
        }
        return net.subtract(unhedged).divide(unhedged.negate(), RATIO);
    }

    /** The cycle's effect on the whole portfolio, with the underlying being {@code commitment} of it. */
    public BigDecimal portfolioImpactHedged() {
        return hedgedReturn().multiply(commitment, RATIO);
    }

    public BigDecimal portfolioImpactUnhedged() {
        return unhedgedReturn().multiply(commitment, RATIO);
    }

    /** Rounds money to the cent for display (half-even, as statements do). */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A fraction as a percentage with {@code decimals} places. */
    public static BigDecimal percent(BigDecimal fraction, int decimals) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
