package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cycle's P&amp;L from its entries: each bucket is the cash its entries moved plus the value of what it
 * still holds at the valuation prices. Because the shares held at the start are booked as a cost at the
 * start price, the underlying bucket is (end value − start value + cash from trades and assignments).
 */
public final class CyclePnlCalculator {
    public static final CyclePnlCalculator DEFAULT = new CyclePnlCalculator();

    public CyclePnl compute(HedgeCycle cycle, List<LedgerEntry> entries, Valuation valuation, BigDecimal commitment) {
        Map<PnlBucket, BigDecimal> bucket = new EnumMap<>(PnlBucket.class);
        for (PnlBucket b : PnlBucket.values()) {
            bucket.put(b, BigDecimal.ZERO);
        }
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal settlement = BigDecimal.ZERO;
        for (LedgerEntry e : entries) {
            bucket.merge(e.bucket(), e.amount(), BigDecimal::add);
            boolean premium = e.instrument().isOption()
                    && (e.type() == EntryType.FILL || e.type() == EntryType.FILL_REVERSAL);
            if (premium && e.amount().signum() < 0) {
                paid = paid.add(e.amount().negate());
            } else if (premium) {
                received = received.add(e.amount());
            }
            if (e.type() == EntryType.CASH_SETTLEMENT) {
                settlement = settlement.add(e.amount());
            }
        }
        Map<String, Instrument> instruments = Positions.instruments(entries);
        for (Map.Entry<String, BigDecimal> open : Positions.open(entries).entrySet()) {
            Instrument i = instruments.get(open.getKey());
            BigDecimal price = i.isOption() ? valuation.optionPrices().get(i.key()) : valuation.underlyingPrice();
            if (price == null) {
                throw new IllegalArgumentException("cycle " + cycle.id() + ": no price to value the open position "
                        + open.getValue().toPlainString() + " " + i.key());
            }
            BigDecimal value = open.getValue().multiply(price).multiply(BigDecimal.valueOf(i.multiplier()));
            bucket.merge(i.bucket(), value, BigDecimal::add);
        }
        BigDecimal net = bucket.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unhedged = cycle.sharesStart().multiply(valuation.underlyingPrice().subtract(cycle.priceStart()));
        return new CyclePnl(cycle.id(), !cycle.isOpen(), cycle.startValue(), valuation.underlyingPrice(),
                bucket.get(PnlBucket.UNDERLYING), bucket.get(PnlBucket.PUTS), bucket.get(PnlBucket.CALLS),
                bucket.get(PnlBucket.COMMISSIONS), net, unhedged, paid, received, settlement,
                commissionsUnknown(entries), commitment);
    }

    /** Fills (not reversed) whose commission report has not arrived: their cost is unknown, not zero. */
    static int commissionsUnknown(List<LedgerEntry> entries) {
        Set<String> withCommission = entries.stream().filter(e -> e.type() == EntryType.COMMISSION)
                .map(LedgerEntry::execIdBase).collect(Collectors.toSet());
        return (int) entries.stream().filter(e -> e.type() == EntryType.FILL).map(LedgerEntry::execIdBase).distinct()
                .filter(b -> !withCommission.contains(b)).count();
    }
}
