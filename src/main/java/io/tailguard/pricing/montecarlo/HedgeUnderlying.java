package io.tailguard.pricing.montecarlo;

/** The underlying of an option leg in a hedge structure. */
public enum HedgeUnderlying {
    /** Mini-SPX index options: one tenth of the S&amp;P 500, European, cash-settled at intrinsic value. */
    XSP,
    /** The 3x leveraged ETF: American options, physically settled (short calls assigned in the money). */
    UPRO;

    /** XSP is one tenth of SPX. */
    public static final double XSP_PER_SPX = 0.1;
    /** Shares (or index units) per contract, for both XSP and UPRO options. */
    public static final int CONTRACT_MULTIPLIER = 100;
}
