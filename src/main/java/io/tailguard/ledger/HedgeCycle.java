package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One weekly hedge cycle: from the execution of its hedge to the expiry of its options. The underlying
 * position at the start is what the trader held when the hedge was executed; the end is filled in when
 * the cycle is closed after every option has settled, expired, been assigned or closed.
 * {@code underlyingAtExecution} is the underlying's price when {@code indexStart} was taken, set only when
 * the start price is from another moment (null: the start price). A {@code demo} cycle comes from
 * {@code tailguard demo}: it never counts in the trader's figures.
 */
public record HedgeCycle(
        String id,
        String underlying,
        LocalDate expiry,
        Instant openedAt,
        BigDecimal sharesStart,
        BigDecimal priceStart,
        CycleState state,
        BigDecimal sharesEnd,
        BigDecimal priceEnd,
        Instant closedAt,
        BigDecimal indexStart,
        BigDecimal underlyingAtExecution,
        boolean demo) {

    public enum CycleState { OPEN, CLOSED }

    public HedgeCycle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(sharesStart, "sharesStart");
        Objects.requireNonNull(priceStart, "priceStart");
        Objects.requireNonNull(state, "state");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("cycle id must be 1..64 characters, was '" + id + "'");
        }
        if (sharesStart.signum() < 0) {
            throw new IllegalArgumentException("sharesStart must be >= 0, was " + sharesStart);
        }
        if (priceStart.signum() <= 0) {
            throw new IllegalArgumentException("priceStart must be positive, was " + priceStart);
        }
        if (state == CycleState.CLOSED && (sharesEnd == null || priceEnd == null || closedAt == null)) {
            throw new IllegalArgumentException("a closed cycle needs its end shares, end price and close time");
        }
        if (underlyingAtExecution != null && underlyingAtExecution.signum() <= 0) {
            throw new IllegalArgumentException("underlyingAtExecution must be positive, was " + underlyingAtExecution);
        }
    }

    /** A real cycle whose index level (if any) was taken together with its start price. */
    public HedgeCycle(String id, String underlying, LocalDate expiry, Instant openedAt, BigDecimal sharesStart,
            BigDecimal priceStart, CycleState state, BigDecimal sharesEnd, BigDecimal priceEnd, Instant closedAt,
            BigDecimal indexStart) {
        this(id, underlying, expiry, openedAt, sharesStart, priceStart, state, sharesEnd, priceEnd, closedAt,
                indexStart, null, false);
    }

    public static HedgeCycle open(String id, String underlying, LocalDate expiry, Instant openedAt,
            BigDecimal sharesStart, BigDecimal priceStart) {
        return new HedgeCycle(id, underlying, expiry, openedAt, sharesStart, priceStart, CycleState.OPEN, null, null,
                null, null);
    }

    /** The level of the hedge's index (XSP) when the hedge executed; only the payoff chart uses it. */
    public HedgeCycle withIndexStart(BigDecimal level) {
        return new HedgeCycle(id, underlying, expiry, openedAt, sharesStart, priceStart, state, sharesEnd, priceEnd,
                closedAt, level, underlyingAtExecution, demo);
    }

    /** The underlying's price when the index level was taken, if the start price is from another moment. */
    public HedgeCycle withUnderlyingAtExecution(BigDecimal price) {
        return new HedgeCycle(id, underlying, expiry, openedAt, sharesStart, priceStart, state, sharesEnd, priceEnd,
                closedAt, indexStart, price, demo);
    }

    /** The same cycle flagged as a demo cycle. */
    public HedgeCycle asDemo() {
        return new HedgeCycle(id, underlying, expiry, openedAt, sharesStart, priceStart, state, sharesEnd, priceEnd,
                closedAt, indexStart, underlyingAtExecution, true);
    }

    public HedgeCycle closed(BigDecimal shares, BigDecimal price, Instant at) {
        return new HedgeCycle(id, underlying, expiry, openedAt, sharesStart, priceStart, CycleState.CLOSED, shares,
                price, at, indexStart, underlyingAtExecution, demo);
    }

    /** The underlying's price paired with {@link #indexStart()}: the hedge's execution. */
    public BigDecimal underlyingAtIndexStart() {
        return underlyingAtExecution != null ? underlyingAtExecution : priceStart;
    }

    public boolean isOpen() {
        return state == CycleState.OPEN;
    }

    /** What the underlying position was worth at the start: the base of every return of the cycle. */
    public BigDecimal startValue() {
        return sharesStart.multiply(priceStart);
    }
}
