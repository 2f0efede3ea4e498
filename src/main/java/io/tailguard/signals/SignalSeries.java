package io.tailguard.signals;

/**
 * The series the layers read. Data-source adapters write observations under these ids; the FRED OIS proxy is
 * the effective federal funds rate (EFFR), see the sources package.
 */
public final class SignalSeries {
    private SignalSeries() {
    }

    public static final SeriesId SPX = SeriesId.of(SourceKind.IBKR_BARS, "SPX");
    public static final SeriesId VIX = SeriesId.of(SourceKind.IBKR_BARS, "VIX");
    public static final SeriesId VIX9D = SeriesId.of(SourceKind.IBKR_BARS, "VIX9D");
    public static final SeriesId VIX3M = SeriesId.of(SourceKind.IBKR_BARS, "VIX3M");
    /** Daily XSP 30-day implied volatility as a fraction (0.15 = 15%), IBKR's OPTION_IMPLIED_VOLATILITY bars. */
    public static final SeriesId XSP_IV = SeriesId.of(SourceKind.IBKR_BARS, "XSP_IV");

    /** 10-year Treasury constant-maturity yield, percent. */
    public static final SeriesId TREASURY_10Y = SeriesId.of(SourceKind.FRED_DAILY, "DGS10");
    /** Secured overnight financing rate, percent. */
    public static final SeriesId SOFR = SeriesId.of(SourceKind.FRED_DAILY, "SOFR");
    /** The OIS proxy: effective federal funds rate, percent (the floating leg of a USD fed-funds OIS). */
    public static final SeriesId OIS_PROXY = SeriesId.of(SourceKind.FRED_DAILY, "EFFR");
    /** Overnight reverse repurchase agreements at the Fed, billions of USD. */
    public static final SeriesId REVERSE_REPO = SeriesId.of(SourceKind.FRED_DAILY, "RRPONTSYD");
    /** Real GDP, billions of chained 2017 USD, quarterly; the observation date is the quarter's first day. */
    public static final SeriesId REAL_GDP = SeriesId.of(SourceKind.FRED_QUARTERLY, "GDPC1");

    /** CME FedWatch: probability (0..1) that the cuts the market priced are delayed (no cut by the reference meeting). */
    public static final SeriesId DELAYED_CUT_PROBABILITY = SeriesId.of(SourceKind.CSV, "fedwatch.delayed_cut");
    /** CME FedWatch: probability (0..1) of a cut at the next FOMC meeting. */
    public static final SeriesId NEXT_MEETING_CUT_PROBABILITY = SeriesId.of(SourceKind.CSV, "fedwatch.next_meeting_cut");
    /** Forward P/E of the technology sector. */
    public static final SeriesId TECH_FORWARD_PE = SeriesId.of(SourceKind.CSV, "forward_pe.TECH");

    /** A daily close through the broker. */
    public static SeriesId bar(String symbol) {
        return SeriesId.of(SourceKind.IBKR_BARS, symbol);
    }

    /** An annual fundamental of a company from its 10-K filings. */
    public static SeriesId fundamental(String ticker, Fundamental metric) {
        return SeriesId.of(SourceKind.EDGAR, ticker + "." + metric.key());
    }

    /** Annual figures derived from EDGAR company facts, all in USD. */
    public enum Fundamental {
        REVENUE("revenue"),
        OPERATING_CASH_FLOW("operating_cash_flow"),
        CAPITAL_EXPENDITURE("capex"),
        RESEARCH_AND_DEVELOPMENT("rnd"),
        DEBT("debt"),
        OPERATING_INCOME("operating_income"),
        DEPRECIATION_AND_AMORTIZATION("depreciation_amortization");

        private final String key;

        Fundamental(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
