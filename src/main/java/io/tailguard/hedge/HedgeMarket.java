package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The market data of one roll: spot levels, the XSP put chain and the UPRO call chain for the target
 * expiry, and the XSP at-the-money implied volatility.
 *
 * @param tradingDays sessions from the analysis close to expiry (the simulated horizon)
 */
public record HedgeMarket(
        double uproSpot, double xspSpot, double xspAtmIv, LocalDate expiry, int tradingDays,
        List<QuotedStrike> xspPuts, List<QuotedStrike> uproCalls) {

    private static final double SPX_PER_XSP = 1 / HedgeUnderlying.XSP_PER_SPX;

    public HedgeMarket {
        if (!(uproSpot > 0) || !(xspSpot > 0)) {
            throw new IllegalArgumentException("spot levels must be positive: " + uproSpot + ", " + xspSpot);
        }
        if (!(xspAtmIv > 0 && xspAtmIv < 3)) {
            throw new IllegalArgumentException("xspAtmIv must be in (0, 3): " + xspAtmIv);
        }
        if (tradingDays < 1) {
            throw new IllegalArgumentException("tradingDays must be >= 1: " + tradingDays);
        }
        xspPuts = xspPuts.stream().sorted(Comparator.comparingDouble(QuotedStrike::strike)).toList();
        uproCalls = uproCalls.stream().sorted(Comparator.comparingDouble(QuotedStrike::strike)).toList();
    }

    /**
     * The S&amp;P 500 level the XSP spot stands for (XSP is a tenth of SPX): the paths are simulated on SPX. In
     * double arithmetic 1 / 0.1 rounds to exactly 10.0, so this is the XSP spot times ten bit for bit, and a
     * seed gives the paths it always gave.
     */
    public double spxSpot() {
        return xspSpot * SPX_PER_XSP;
    }
}
