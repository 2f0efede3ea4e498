package io.tailguard.pricing.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What was known at one close, as the option model reads it: the S&amp;P 500 and UPRO closes, the VIX family (annualised
 * volatility points, e.g. 17.5 for 17.5%) and the short rate (a fraction, e.g. 0.053). VIX9D starts in 2011 and VIX3M
 * in 2009: a value the index did not publish yet is {@code NaN}, and the model says what it uses instead.
 */
public record MarketDay(LocalDate date, double spxClose, double uproClose, double vix9d, double vix, double vix3m,
        double shortRate) {

    public MarketDay {
        Objects.requireNonNull(date, "date");
        if (!(spxClose > 0) || !(uproClose > 0)) {
            throw new IllegalArgumentException("closes of " + date + " must be positive: SPX " + spxClose + ", UPRO "
                    + uproClose);
        }
        if (!(vix > 0)) {
            throw new IllegalArgumentException("VIX of " + date + " must be positive: " + vix);
        }
        if (!(vix9d > 0) && !Double.isNaN(vix9d) || !(vix3m > 0) && !Double.isNaN(vix3m)) {
            throw new IllegalArgumentException("VIX9D and VIX3M of " + date + " must be positive or NaN: " + vix9d
                    + ", " + vix3m);
        }
        if (!Double.isFinite(shortRate) || Math.abs(shortRate) > 0.5) {
            throw new IllegalArgumentException("short rate of " + date + " must be a fraction: " + shortRate);
        }
    }

    /** XSP is one tenth of the S&amp;P 500. */
    public double xspClose() {
        return spxClose / 10;
    }
}
