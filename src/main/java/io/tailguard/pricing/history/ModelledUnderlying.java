package io.tailguard.pricing.history;

/** The underlyings the weekly hedge trades options on. */
public enum ModelledUnderlying {
    /** Mini-SPX: a tenth of the S&amp;P 500, European, cash-settled at the expiry close (PM-settled). */
    XSP,
    /** The 3x S&amp;P 500 ETF: American options, physically settled. */
    UPRO
}
