package io.tailguard.signals;

/**
 * Where an input comes from. Each kind has its own staleness limit, because a daily market close, a quarterly
 * GDP print and an annual 10-K age at very different speeds.
 */
public enum SourceKind {
    /** Daily bars through the broker (holdings, SPX, VIX family, XSP implied volatility). */
    IBKR_BARS("ibkr"),
    /** Daily FRED series (10-year yield, SOFR, EFFR, overnight reverse repo). */
    FRED_DAILY("fred"),
    /** Quarterly FRED series (real GDP). */
    FRED_QUARTERLY("fred-q"),
    /** SEC EDGAR company facts from annual 10-K filings. */
    EDGAR("edgar"),
    /** Figures the trader copies into CSV files (FedWatch probabilities, forward P/E, overrides). */
    CSV("csv");

    private final String prefix;

    SourceKind(String prefix) {
        this.prefix = prefix;
    }

    /** Short text used in series ids, e.g. {@code fred:SOFR}. */
    public String prefix() {
        return prefix;
    }

    public static SourceKind fromPrefix(String prefix) {
        for (SourceKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source prefix '" + prefix + "'");
    }
}
