package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The booking rules: which entries a broker report adds to a cycle. Pure: it reads the entries already
 * booked and returns the new ones, so booking the same report twice adds nothing, and a booked entry is
 * never changed.
 */
public final class CycleBooking {
    private CycleBooking() {
    }

    /** The shares held at the start, as a cost at the start price, so that every bucket is cash + value at end. */
    public static LedgerEntry positionAtStart(HedgeCycle cycle) {
        Instrument shares = Instrument.shares(cycle.underlying());
        return new LedgerEntry(0, cycle.id(), EntryType.POSITION_AT_START, PnlBucket.UNDERLYING, "start", null, shares,
                cycle.sharesStart(), cycle.priceStart(), cycle.startValue().negate(), cycle.openedAt(), null,
                "held at the start of the cycle");
    }

    /**
     * A fill as last reported: nothing if it is already booked under this execId; a FILL if its execId base is
     * new; a FILL_REVERSAL of the booked fill plus the corrected FILL if the broker corrected it. Then its
     * commission, or the difference to what was booked, once known.
     */
    public static List<LedgerEntry> book(String cycleId, BrokerFill fill, List<LedgerEntry> booked) {
        List<LedgerEntry> out = new ArrayList<>();
        Optional<LedgerEntry> current = effectiveFill(booked, fill.execIdBase());
        if (current.isEmpty()) {
            out.add(fillEntry(cycleId, fill, ""));
        } else if (!current.get().sourceRef().equals(fill.execId())) {
            LedgerEntry old = current.get();
            out.add(new LedgerEntry(0, cycleId, EntryType.FILL_REVERSAL, old.bucket(), old.sourceRef(),
                    old.execIdBase(), old.instrument(), old.quantity().negate(), old.price(), old.amount().negate(),
                    fill.executedAt(), old.id(), "reverses " + old.sourceRef() + ", corrected by " + fill.execId()));
            out.add(fillEntry(cycleId, fill, "correction of " + old.sourceRef()));
        }
        if (fill.commission() != null) {
            BigDecimal bookedCommission = booked.stream()
                    .filter(e -> e.type() == EntryType.COMMISSION && fill.execIdBase().equals(e.execIdBase()))
                    .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal due = fill.commission().negate().subtract(bookedCommission);
            if (due.signum() != 0) {
                long n = booked.stream().filter(e -> e.type() == EntryType.COMMISSION
                        && fill.execIdBase().equals(e.execIdBase())).count();
                String ref = n == 0 ? fill.execIdBase() : fill.execIdBase() + "#" + (n + 1);
                out.add(new LedgerEntry(0, cycleId, EntryType.COMMISSION, PnlBucket.COMMISSIONS, ref,
                        fill.execIdBase(), fill.instrument(), BigDecimal.ZERO, BigDecimal.ZERO, due,
                        fill.executedAt(), null, n == 0 ? "commission of " + fill.execId()
                                : "commission of " + fill.execId() + " changed to " + fill.commission().toPlainString()));
            }
        }
        return out;
    }

    private static LedgerEntry fillEntry(String cycleId, BrokerFill fill, String note) {
        Instrument i = fill.instrument();
        BigDecimal qty = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
        BigDecimal amount = qty.multiply(fill.price()).multiply(BigDecimal.valueOf(i.multiplier())).negate();
        return new LedgerEntry(0, cycleId, EntryType.FILL, i.bucket(), fill.execId(), fill.execIdBase(), i, qty,
                fill.price(), amount, fill.executedAt(), null,
                (fill.side() + " " + fill.quantity().stripTrailingZeros().toPlainString() + " " + i.key() + " @ "
                        + fill.price().stripTrailingZeros().toPlainString() + " " + note).trim());
    }

    /** The booked FILL of an execId base that no later reversal cancels. */
    static Optional<LedgerEntry> effectiveFill(List<LedgerEntry> booked, String execIdBase) {
        LedgerEntry last = null;
        for (LedgerEntry e : booked) {
            if (execIdBase.equals(e.execIdBase())) {
                if (e.type() == EntryType.FILL) {
                    last = e;
                } else if (e.type() == EntryType.FILL_REVERSAL) {
                    last = null;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * A cash-settled option at expiry: the open position is closed at its intrinsic value against the
     * settlement price and the value is credited (long) or debited (short) as cash. Out of the money the
     * value is zero and the entry still records the settlement.
     */
    public static List<LedgerEntry> cashSettlement(String cycleId, Instrument option, BigDecimal settlementPrice,
            Instant at, List<LedgerEntry> booked) {
        requireOption(option);
        BigDecimal open = Positions.open(booked).getOrDefault(option.key(), BigDecimal.ZERO);
        String ref = "settle " + option.key();
        if (open.signum() == 0 || alreadyBooked(booked, EntryType.CASH_SETTLEMENT, ref)) {
            return List.of();
        }
        BigDecimal intrinsic = option.intrinsicAt(settlementPrice);
        BigDecimal amount = open.multiply(intrinsic).multiply(BigDecimal.valueOf(option.multiplier()));
        return List.of(new LedgerEntry(0, cycleId, EntryType.CASH_SETTLEMENT, option.bucket(), ref, null, option,
                open.negate(), intrinsic, amount, at, null, "settled against " + settlementPrice.toPlainString()
                        + ", intrinsic " + intrinsic.toPlainString()));
    }

    /** An option the broker reports as expired worthless: the position goes, no cash moves. */
    public static List<LedgerEntry> expiry(String cycleId, Instrument option, Instant at, List<LedgerEntry> booked) {
        requireOption(option);
        BigDecimal open = Positions.open(booked).getOrDefault(option.key(), BigDecimal.ZERO);
        String ref = "expire " + option.key();
        if (open.signum() == 0 || alreadyBooked(booked, EntryType.EXPIRY, ref)) {
            return List.of();
        }
        return List.of(new LedgerEntry(0, cycleId, EntryType.EXPIRY, option.bucket(), ref, null, option, open.negate(),
                BigDecimal.ZERO, BigDecimal.ZERO, at, null, "expired worthless"));
    }

    /**
     * Short calls assigned: the option position closes with no cash on the option (its premium stays in the
     * calls P&amp;L) and the shares are called away at the strike (underlying P&amp;L). {@code contracts} is
     * what the broker assigned, which may be part of the short position.
     */
    public static List<LedgerEntry> assignment(String cycleId, Instrument option, BigDecimal contracts, Instant at,
            String reportRef, List<LedgerEntry> booked) {
        requireOption(option);
        BigDecimal open = Positions.open(booked).getOrDefault(option.key(), BigDecimal.ZERO);
        String ref = "assign " + option.key() + " " + reportRef;
        if (alreadyBooked(booked, EntryType.ASSIGNMENT, ref)) {
            return List.of();
        }
        if (open.signum() >= 0 || contracts.signum() <= 0 || contracts.compareTo(open.negate()) > 0) {
            throw new IllegalArgumentException("cannot assign " + contracts + " of " + option.key()
                    + " with a position of " + open);
        }
        BigDecimal shares = contracts.multiply(BigDecimal.valueOf(option.multiplier()));
        BigDecimal sign = option.kind() == Instrument.Kind.CALL ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        Instrument underlying = Instrument.shares(option.symbol());
        return List.of(
                new LedgerEntry(0, cycleId, EntryType.ASSIGNMENT, option.bucket(), ref, null, option, contracts,
                        BigDecimal.ZERO, BigDecimal.ZERO, at, null, "assigned " + contracts.toPlainString()
                                + " contracts"),
                new LedgerEntry(0, cycleId, EntryType.ASSIGNED_SHARES, PnlBucket.UNDERLYING, ref, null, underlying,
                        shares.multiply(sign), option.strike(), shares.multiply(option.strike()).multiply(sign).negate(),
                        at, null, (sign.signum() < 0 ? "called away " : "put to us ") + shares.toPlainString()
                                + " shares at " + option.strike().toPlainString()));
    }

    private static boolean alreadyBooked(List<LedgerEntry> booked, EntryType type, String ref) {
        return booked.stream().anyMatch(e -> e.type() == type && e.sourceRef().equals(ref));
    }

    private static void requireOption(Instrument i) {
        if (!i.isOption()) {
            throw new IllegalArgumentException(i.key() + " is not an option");
        }
    }
}
