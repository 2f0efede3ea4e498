package io.tailguard.pricing.montecarlo;

import io.tailguard.pricing.PutCall;
import java.util.List;

/**
 * A candidate weekly position: UPRO shares plus option legs (typically long XSP puts and short
 * covered UPRO calls), all held to the common expiry.
 *
 * <p>Short UPRO calls must be covered by the shares: {@code 100 * short call contracts <= shares}.
 * An uncovered structure is a bug in the caller, so it throws.
 */
public record HedgeStructure(long uproShares, List<OptionLeg> legs) {

    public HedgeStructure {
        if (uproShares < 0) {
            throw new IllegalArgumentException("uproShares must not be negative: " + uproShares);
        }
        if (legs == null) {
            throw new IllegalArgumentException("legs must not be null");
        }
        legs = List.copyOf(legs);
        long shortCallShares = 0;
        for (OptionLeg leg : legs) {
            if (leg.underlying() == HedgeUnderlying.UPRO && leg.right() == PutCall.CALL && leg.isShort()) {
                shortCallShares += (long) -leg.contracts() * HedgeUnderlying.CONTRACT_MULTIPLIER;
            }
        }
        if (shortCallShares > uproShares) {
            throw new IllegalArgumentException("short UPRO calls on " + shortCallShares
                    + " shares are not covered by " + uproShares + " shares");
        }
    }

    public static HedgeStructure of(long uproShares, OptionLeg... legs) {
        return new HedgeStructure(uproShares, List.of(legs));
    }

    /** The same shares with no options: the comparison for every hedge. */
    public HedgeStructure unhedged() {
        return new HedgeStructure(uproShares, List.of());
    }

    /** Premiums received less premiums paid and commissions, at trade date. */
    public double openingCashFlow() {
        double cash = 0;
        for (OptionLeg leg : legs) {
            cash += leg.openingCashFlow();
        }
        return cash;
    }
}
