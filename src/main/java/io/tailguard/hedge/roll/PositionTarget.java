package io.tailguard.hedge.roll;

import java.util.Locale;

/**
 * The UPRO position a roll works with. The target is {@code commitment} x the exposure multiplier of net liquidation:
 * under rate pressure the signal layers cut a rate-sensitive holding's target (0.75 by default). The roll only ever
 * sells towards it: while the multiplier is below 1 and more shares are held than the target, it proposes selling the
 * excess in whole 100-share lots (no odd lots left for the calls, and no weekly churn over a few shares), never the
 * shares that back short calls still open, and in one roll never more than {@code 1 - multiplier} of the shares
 * held: a holding far above the configured commitment (the strategy file says 30%, the account holds 70%) then
 * glides to the target over a few weeks rather than being sold off at once on the first week of rate pressure. It
 * never buys: adding leverage is the trader's call. The hedge then protects the shares kept. A target of no share
 * at all (a multiplier of 0) is going out, like an OUT from the risk assessment: every share is sold and the short
 * calls are bought back first.
 *
 * @param held the shares held now
 * @param target the target position in shares
 * @param sell the shares the roll proposes to sell (0 when none)
 * @param backingOpenCalls shares that back the short calls still open, which are not sold
 */
public record PositionTarget(long held, long target, long sell, long backingOpenCalls, double commitment,
        double multiplier, double netLiquidation) {

    public PositionTarget {
        if (held < 0 || target < 0 || sell < 0 || sell > held || backingOpenCalls < 0) {
            throw new IllegalArgumentException("position: held " + held + ", target " + target + ", sell " + sell
                    + ", backing calls " + backingOpenCalls);
        }
        if (!(multiplier >= 0 && multiplier <= 1)) {
            throw new IllegalArgumentException("exposure multiplier must be in [0, 1], was " + multiplier);
        }
    }

    static final int LOT = 100;

    public static PositionTarget of(long held, long backingOpenCalls, double commitment, double multiplier,
            double netLiquidation, double spot) {
        long target = (long) Math.floor(commitment * multiplier * netLiquidation / spot + 1e-9);
        long sell = 0;
        if (multiplier < 1 && held > target) {
            long cut = (long) Math.floor((1 - multiplier) * held + 1e-9);
            long sellable = Math.max(0, Math.min(Math.min(held - target, held - backingOpenCalls), cut));
            // a target of nothing is going out: every share, odd lots too, with the short calls closed first (divest)
            sell = target == 0 ? held : sellable / LOT * LOT;
        }
        return new PositionTarget(held, target, sell, backingOpenCalls, commitment, multiplier, netLiquidation);
    }

    /** The shares the hedge protects: those held less those sold. */
    public long kept() {
        return held - sell;
    }

    /** The report's line after "exposure: ". */
    String describe(String symbol, String multiplierSource) {
        String head = String.format(Locale.ROOT, "multiplier %.2f (%s): target %d %s = %.2f x %.2f of net liquidation "
                + "%.0f USD", multiplier, multiplierSource, target, symbol, commitment, multiplier, netLiquidation);
        if (held == 0) {
            return head + "; none held";
        }
        if (sell > 0) {
            return head + String.format(Locale.ROOT, "; held %d: sell %d%s, hedge the %d kept", held, sell,
                    kept() > target ? " (at most " + String.format(Locale.ROOT, "%.2f", 1 - multiplier)
                            + " of the shares per roll, in lots, none backing open calls)" : "", kept());
        }
        if (multiplier < 1 && held > target) {
            String why = backingOpenCalls > target ? backingOpenCalls + " back short calls still open"
                    : "less than a 100-share lot may be sold in this roll";
            return head + String.format(Locale.ROOT, "; held %d: none sold (%s)", held, why);
        }
        return head + String.format(Locale.ROOT, "; held %d%s", held,
                held > target ? ", none sold (the roll sells only while the multiplier is below 1)" : "");
    }
}
