package io.tailguard.report;

import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.CyclePnlCalculator;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.Positions;
import io.tailguard.ledger.Valuation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The points of a cycle's payoff chart, in increasing underlying price: P&amp;L hedged and unhedged, and the
 * realized (or marked) point.
 */
record CyclePayoffLines(List<Double> underlying, List<Double> hedged, List<Double> unhedged, double realizedX,
        double realizedY) {

    /** The drawn hedged line's value at {@code x}: linear between its points, as the renderer joins them. */
    double hedgedAt(double x) {
        for (int i = 1; i < underlying.size(); i++) {
            double x0 = underlying.get(i - 1);
            double x1 = underlying.get(i);
            if (x >= x0 && x <= x1) {
                return x1 == x0 ? hedged.get(i) : hedged.get(i - 1)
                        + (hedged.get(i) - hedged.get(i - 1)) * (x - x0) / (x1 - x0);
            }
        }
        throw new IllegalArgumentException(x + " is outside the line");
    }

    /**
     * The hedged line values the positions held into expiry with the same calculator as the result: the
     * underlying and its options at the underlying's price {@code u}, the index (XSP) options at intrinsic
     * value against an index level mapped from {@code u}. The mapping goes through the pairs actually
     * observed: the underlying's price and the index level when the hedge executed, and for a closed cycle
     * the underlying's close and the index settlement (read back from the booked settlements). Between them
     * it is linear; outside, the index moves a third of the underlying's return from the nearest pair (UPRO
     * is three times the S&amp;P 500). So the realized point lies on the line by construction, even when
     * the underlying moved between the start of the cycle and the hedge's execution. Without any index
     * level the index options are drawn at their realized value.
     */
    static CyclePayoffLines of(HedgeCycle cycle, List<LedgerEntry> entries, CyclePnl realized) {
        List<LedgerEntry> held = entries.stream().filter(e -> switch (e.type()) {
            case CASH_SETTLEMENT, EXPIRY, ASSIGNMENT, ASSIGNED_SHARES -> false;
            default -> true;
        }).toList();
        Map<String, Instrument> instruments = Positions.instruments(held);
        Map<String, BigDecimal> open = Positions.open(held);
        Map<String, BigDecimal> realizedPerUnit = realizedOptionValues(entries);
        IndexMap index = IndexMap.of(cycle, entries, realized);

        BigDecimal p0 = cycle.priceStart();
        TreeSet<BigDecimal> grid = new TreeSet<>();
        for (int step = 0; step <= 60; step++) {
            grid.add(p0.multiply(BigDecimal.valueOf(70 + step, 2)).setScale(4, RoundingMode.HALF_EVEN));
        }
        BigDecimal uEnd = realized.endPrice();
        grid.add(uEnd);
        if (cycle.indexStart() != null) {
            grid.add(cycle.underlyingAtIndexStart());
        }
        BigDecimal lo = grid.first();
        BigDecimal hi = grid.last();
        for (String key : open.keySet()) {
            // the kinks: where an option's intrinsic value starts, so that straight segments draw it exactly
            Instrument i = instruments.get(key);
            if (!i.isOption()) {
                continue;
            }
            BigDecimal kink = i.symbol().equals(cycle.underlying()) ? i.strike()
                    : index == null ? null : index.underlyingAt(i.strike());
            if (kink != null && kink.compareTo(lo) > 0 && kink.compareTo(hi) < 0) {
                grid.add(kink);
            }
        }
        List<Double> xs = new ArrayList<>();
        List<Double> hedged = new ArrayList<>();
        List<Double> unhedged = new ArrayList<>();
        for (BigDecimal u : grid) {
            Map<String, BigDecimal> prices = new HashMap<>();
            for (String key : open.keySet()) {
                Instrument i = instruments.get(key);
                if (!i.isOption()) {
                    continue;
                }
                if (i.symbol().equals(cycle.underlying())) {
                    prices.put(key, i.intrinsicAt(u));
                } else if (index != null) {
                    prices.put(key, i.intrinsicAt(index.levelAt(u)));
                } else {
                    prices.put(key, realizedPerUnit.getOrDefault(key, BigDecimal.ZERO));
                }
            }
            CyclePnl at = CyclePnlCalculator.DEFAULT.compute(cycle, held, new Valuation(u, prices),
                    realized.commitment());
            xs.add(u.doubleValue());
            hedged.add(at.net().doubleValue());
            unhedged.add(at.unhedged().doubleValue());
        }
        return new CyclePayoffLines(List.copyOf(xs), List.copyOf(hedged), List.copyOf(unhedged), uEnd.doubleValue(),
                realized.net().doubleValue());
    }

    /** The index level as a function of the underlying's price, through the observed (underlying, index) pairs. */
    record IndexMap(List<BigDecimal[]> knots) {
        private static final BigDecimal LEVERAGE = BigDecimal.valueOf(3);
        /** Below this move of the underlying between the two pairs, only the realized pair is used. */
        private static final BigDecimal MIN_MOVE = new BigDecimal("0.005");

        static IndexMap of(HedgeCycle cycle, List<LedgerEntry> entries, CyclePnl realized) {
            BigDecimal[] atExecution = cycle.indexStart() == null ? null
                    : new BigDecimal[] {cycle.underlyingAtIndexStart(), cycle.indexStart()};
            BigDecimal[] atEnd = null;
            if (!cycle.isOpen()) {
                BigDecimal guess = atExecution == null ? null
                        : new IndexMap(List.<BigDecimal[]>of(atExecution)).levelAt(realized.endPrice());
                BigDecimal settlement = settlementLevel(cycle, entries, guess);
                if (settlement != null) {
                    atEnd = new BigDecimal[] {realized.endPrice(), settlement};
                }
            }
            if (atEnd == null) {
                return atExecution == null ? null : new IndexMap(List.<BigDecimal[]>of(atExecution));
            }
            if (atExecution == null) {
                return new IndexMap(List.<BigDecimal[]>of(atEnd));
            }
            BigDecimal du = atEnd[0].subtract(atExecution[0]);
            BigDecimal dx = atEnd[1].subtract(atExecution[1]);
            boolean apart = du.abs().compareTo(atExecution[0].multiply(MIN_MOVE)) >= 0;
            if (!apart || du.signum() != dx.signum()) {
                return new IndexMap(List.<BigDecimal[]>of(atEnd));
            }
            return new IndexMap(du.signum() > 0 ? List.of(atExecution, atEnd) : List.of(atEnd, atExecution));
        }

        BigDecimal levelAt(BigDecimal u) {
            BigDecimal[] first = knots.get(0);
            BigDecimal[] last = knots.get(knots.size() - 1);
            for (BigDecimal[] k : knots) {
                if (u.compareTo(k[0]) == 0) {
                    return k[1];
                }
            }
            if (u.compareTo(first[0]) < 0) {
                return leveraged(first, u);
            }
            if (u.compareTo(last[0]) > 0) {
                return leveraged(last, u);
            }
            BigDecimal t = u.subtract(first[0]).divide(last[0].subtract(first[0]), MathContext.DECIMAL64);
            return first[1].add(last[1].subtract(first[1]).multiply(t), MathContext.DECIMAL64);
        }

        /** The underlying's price at which the index is at {@code level} (the mapping is increasing). */
        BigDecimal underlyingAt(BigDecimal level) {
            BigDecimal[] first = knots.get(0);
            BigDecimal[] last = knots.get(knots.size() - 1);
            if (level.compareTo(first[1]) <= 0) {
                return inverseLeveraged(first, level);
            }
            if (level.compareTo(last[1]) >= 0) {
                return inverseLeveraged(last, level);
            }
            BigDecimal t = level.subtract(first[1]).divide(last[1].subtract(first[1]), MathContext.DECIMAL64);
            return first[0].add(last[0].subtract(first[0]).multiply(t), MathContext.DECIMAL64);
        }

        /** index = x_k × (1 + (u / u_k − 1) / 3). */
        private static BigDecimal leveraged(BigDecimal[] k, BigDecimal u) {
            BigDecimal r = u.divide(k[0], MathContext.DECIMAL64).subtract(BigDecimal.ONE);
            return k[1].multiply(BigDecimal.ONE.add(r.divide(LEVERAGE, MathContext.DECIMAL64)), MathContext.DECIMAL64);
        }

        private static BigDecimal inverseLeveraged(BigDecimal[] k, BigDecimal level) {
            BigDecimal r = level.divide(k[1], MathContext.DECIMAL64).subtract(BigDecimal.ONE).multiply(LEVERAGE);
            return k[0].multiply(BigDecimal.ONE.add(r), MathContext.DECIMAL64);
        }

        /**
         * The index settlement the cycle's booked index options ended against: exact from an option settled in
         * the money (strike ∓ its intrinsic value); when every one ended out of the money, {@code guess} held
         * within what they allow (at or above a put's strike, at or below a call's). Null if nothing tells.
         */
        static BigDecimal settlementLevel(HedgeCycle cycle, List<LedgerEntry> entries, BigDecimal guess) {
            BigDecimal floor = null;
            BigDecimal ceiling = null;
            for (LedgerEntry e : entries) {
                Instrument i = e.instrument();
                boolean ended = e.type() == EntryType.CASH_SETTLEMENT || e.type() == EntryType.EXPIRY;
                if (!ended || !i.isOption() || i.symbol().equals(cycle.underlying())) {
                    continue;
                }
                boolean put = i.kind() == Instrument.Kind.PUT;
                if (e.price().signum() > 0) {
                    return put ? i.strike().subtract(e.price()) : i.strike().add(e.price());
                }
                if (put) {
                    floor = floor == null ? i.strike() : floor.max(i.strike());
                } else {
                    ceiling = ceiling == null ? i.strike() : ceiling.min(i.strike());
                }
            }
            if (floor == null && ceiling == null) {
                return null;
            }
            BigDecimal level = guess != null ? guess : floor != null ? floor : ceiling;
            if (floor != null && level.compareTo(floor) < 0) {
                level = floor;
            }
            if (ceiling != null && level.compareTo(ceiling) > 0) {
                level = ceiling;
            }
            return level;
        }
    }

    /** What each settled option was worth per unit (its settlement price, 0 if it expired or was assigned). */
    private static Map<String, BigDecimal> realizedOptionValues(List<LedgerEntry> entries) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.type() == EntryType.CASH_SETTLEMENT || e.type() == EntryType.EXPIRY
                    || e.type() == EntryType.ASSIGNMENT) {
                values.put(e.instrument().key(), e.price());
            }
        }
        return values;
    }
}
