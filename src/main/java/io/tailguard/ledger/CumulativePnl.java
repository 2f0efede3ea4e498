package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * All closed cycles together. Money totals are exact sums of the cycles' figures. Returns compound the
 * weekly returns (each week's return on that week's starting value): {@code Π(1 + r) − 1}. The drawdowns
 * are the largest fall from a peak of that compounded curve, as a positive fraction.
 */
public record CumulativePnl(
        int cycles,
        BigDecimal underlying,
        BigDecimal puts,
        BigDecimal calls,
        BigDecimal commissions,
        BigDecimal net,
        BigDecimal unhedged,
        BigDecimal premiumPaid,
        BigDecimal premiumReceived,
        BigDecimal settlementCash,
        BigDecimal hedgedReturn,
        BigDecimal unhedgedReturn,
        BigDecimal winRatio,
        BigDecimal worstWeekHedged,
        BigDecimal worstWeekUnhedged,
        BigDecimal maxDrawdownHedged,
        BigDecimal maxDrawdownUnhedged) {

    public static CumulativePnl of(List<CyclePnl> weeks) {
        BigDecimal zero = BigDecimal.ZERO;
        BigDecimal underlying = zero, puts = zero, calls = zero, commissions = zero, net = zero, unhedged = zero;
        BigDecimal paid = zero, received = zero, settlement = zero;
        BigDecimal hedgedIndex = BigDecimal.ONE, unhedgedIndex = BigDecimal.ONE;
        BigDecimal hedgedPeak = BigDecimal.ONE, unhedgedPeak = BigDecimal.ONE;
        BigDecimal ddHedged = zero, ddUnhedged = zero;
        BigDecimal worstHedged = null, worstUnhedged = null;
        int wins = 0;
        for (CyclePnl w : weeks) {
            underlying = underlying.add(w.underlying());
            puts = puts.add(w.puts());
            calls = calls.add(w.calls());
            commissions = commissions.add(w.commissions());
            net = net.add(w.net());
            unhedged = unhedged.add(w.unhedged());
            paid = paid.add(w.premiumPaid());
            received = received.add(w.premiumReceived());
            settlement = settlement.add(w.settlementCash());
            if (w.net().signum() > 0) {
                wins++;
            }
            hedgedIndex = hedgedIndex.multiply(BigDecimal.ONE.add(w.hedgedReturn()), CyclePnl.RATIO);
            unhedgedIndex = unhedgedIndex.multiply(BigDecimal.ONE.add(w.unhedgedReturn()), CyclePnl.RATIO);
            hedgedPeak = hedgedPeak.max(hedgedIndex);
            unhedgedPeak = unhedgedPeak.max(unhedgedIndex);
            ddHedged = ddHedged.max(BigDecimal.ONE.subtract(hedgedIndex.divide(hedgedPeak, CyclePnl.RATIO)));
            ddUnhedged = ddUnhedged.max(BigDecimal.ONE.subtract(unhedgedIndex.divide(unhedgedPeak, CyclePnl.RATIO)));
            worstHedged = worstHedged == null ? w.hedgedReturn() : worstHedged.min(w.hedgedReturn());
            worstUnhedged = worstUnhedged == null ? w.unhedgedReturn() : worstUnhedged.min(w.unhedgedReturn());
        }
        BigDecimal winRatio = weeks.isEmpty() ? zero
                : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(weeks.size()), CyclePnl.RATIO);
        return new CumulativePnl(weeks.size(), underlying, puts, calls, commissions, net, unhedged, paid, received,
                settlement, hedgedIndex.subtract(BigDecimal.ONE), unhedgedIndex.subtract(BigDecimal.ONE), winRatio,
                worstHedged == null ? zero : worstHedged, worstUnhedged == null ? zero : worstUnhedged, ddHedged,
                ddUnhedged);
    }
}
