package io.tailguard.signals;

import io.tailguard.config.Require;

import java.util.List;
import java.util.Objects;

/**
 * Every threshold of the signal layers ({@code strategies/signal-layers.yaml}). Plain records: the YAML binding
 * lives in {@code io.tailguard.sources}. Rates are in percent (4.5 = 4.5%), implied volatilities and ratios are
 * fractions (0.135 = 13.5%), spreads in basis points, balances in billions of USD.
 */
public record SignalLayersConfig(
        String leveragedSymbol,
        Staleness staleness,
        RateSensitivity rateSensitivity,
        CashFlowDurability cashFlowDurability,
        Delusion delusion,
        Contrarian contrarian,
        Steepener steepener,
        DurationBarbell durationBarbell,
        PowellPause powellPause,
        Volatility volatility,
        Risk risk) {

    public SignalLayersConfig {
        Require.text(leveragedSymbol, "leveragedSymbol");
        Objects.requireNonNull(staleness, "staleness is required");
        Objects.requireNonNull(rateSensitivity, "rateSensitivity is required");
        Objects.requireNonNull(cashFlowDurability, "cashFlowDurability is required");
        Objects.requireNonNull(delusion, "delusion is required");
        Objects.requireNonNull(contrarian, "contrarian is required");
        Objects.requireNonNull(steepener, "steepener is required");
        Objects.requireNonNull(durationBarbell, "durationBarbell is required");
        Objects.requireNonNull(powellPause, "powellPause is required");
        Objects.requireNonNull(volatility, "volatility is required");
        Objects.requireNonNull(risk, "risk is required");
    }

    /**
     * The same thresholds with the rate-sensitivity yield read from another series: on the embedded default the
     * regression pairs the simulated holding with the simulated market's own 10-year yield, because returns of one
     * market regressed on the yields of another say nothing.
     */
    public SignalLayersConfig withRateSensitivityYield(String yieldSeries, double yieldScale) {
        RateSensitivity r = rateSensitivity;
        return new SignalLayersConfig(leveragedSymbol, staleness, new RateSensitivity(yieldSeries, yieldScale,
                r.windowDays(), r.yieldAbovePct(), r.risingLookbackDays(), r.highSensitivityAbove(),
                r.exposureMultiplier(), r.holdings()), cashFlowDurability, delusion, contrarian, steepener,
                durationBarbell, powellPause, volatility, risk);
    }

    /** A listed company: the ticker the trader uses and the SEC Central Index Key of its filer. */
    public record Company(String ticker, long cik) {
        public Company {
            Require.text(ticker, "company.ticker");
            if (cik <= 0) {
                throw new IllegalArgumentException("company.cik of " + ticker + " must be positive but was " + cik);
            }
        }
    }

    /** Maximum age in calendar days (snapshot date minus observation date) per source kind. */
    public record Staleness(int ibkrBarsDays, int fredDailyDays, int fredQuarterlyDays, int edgarDays, int csvDays) {
        public Staleness {
            Require.atLeast(ibkrBarsDays, 0, "staleness.ibkrBarsDays");
            Require.atLeast(fredDailyDays, 0, "staleness.fredDailyDays");
            Require.atLeast(fredQuarterlyDays, 0, "staleness.fredQuarterlyDays");
            Require.atLeast(edgarDays, 0, "staleness.edgarDays");
            Require.atLeast(csvDays, 0, "staleness.csvDays");
        }

        public int maxAgeDays(SourceKind kind) {
            return switch (kind) {
                case IBKR_BARS -> ibkrBarsDays;
                case FRED_DAILY -> fredDailyDays;
                case FRED_QUARTERLY -> fredQuarterlyDays;
                case EDGAR -> edgarDays;
                case CSV -> csvDays;
            };
        }
    }

    /**
     * Rate sensitivity: {@code yieldSeries} in percent after multiplying by {@code yieldScale} (FRED DGS10 is in
     * percent, scale 1; a TNX index quoted as ten times the yield needs 0.1). {@code exposureMultiplier} is what a
     * high-sensitivity holding's target exposure is multiplied by while the pressure rule is active.
     */
    public record RateSensitivity(String yieldSeries, double yieldScale, int windowDays, double yieldAbovePct,
            int risingLookbackDays, double highSensitivityAbove, double exposureMultiplier, List<String> holdings) {
        public RateSensitivity {
            try {
                SeriesId.parse(yieldSeries);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rateSensitivity.yieldSeries: " + e.getMessage(), e);
            }
            Require.positive(yieldScale, "rateSensitivity.yieldScale");
            Require.atLeast(windowDays, 10, "rateSensitivity.windowDays");
            Require.positive(yieldAbovePct, "rateSensitivity.yieldAbovePct");
            Require.atLeast(risingLookbackDays, 1, "rateSensitivity.risingLookbackDays");
            Require.positive(highSensitivityAbove, "rateSensitivity.highSensitivityAbove");
            Require.fraction(exposureMultiplier, "rateSensitivity.exposureMultiplier");
            holdings = Require.entries(holdings, "rateSensitivity.holdings");
        }

        public SeriesId yieldSeriesId() {
            return SeriesId.parse(yieldSeries);
        }
    }

    public record CashFlowDurability(double minFcfMargin, double maxDebtToEbitda, List<Company> universe) {
        public CashFlowDurability {
            Require.fraction(minFcfMargin, "cashFlowDurability.minFcfMargin");
            Require.positive(maxDebtToEbitda, "cashFlowDurability.maxDebtToEbitda");
            universe = Require.entries(universe, "cashFlowDurability.universe");
        }
    }

    /** Delusion regime: technology forward P/E above {@code techForwardPeAbove} while real GDP growth slows. */
    public record Delusion(double techForwardPeAbove) {
        public Delusion {
            Require.positive(techForwardPeAbove, "delusion.techForwardPeAbove");
        }
    }

    public record Contrarian(double rndToRevenueBelow, List<Company> aiNames) {
        public Contrarian {
            Require.fraction(rndToRevenueBelow, "contrarian.rndToRevenueBelow");
            aiNames = Require.entries(aiNames, "contrarian.aiNames");
        }
    }

    public record Steepener(double delayedCutProbabilityAbove, String longSymbol, String shortSymbol) {
        public Steepener {
            Require.fraction(delayedCutProbabilityAbove, "steepener.delayedCutProbabilityAbove");
            Require.text(longSymbol, "steepener.longSymbol");
            Require.text(shortSymbol, "steepener.shortSymbol");
        }
    }

    /** A dovish pivot: next-meeting cut probability at or above the threshold while the 10-year yield falls. */
    public record DurationBarbell(double cutProbabilityAtLeast, int yieldFallingLookbackDays,
            List<String> shortDurationValueSymbols, String longDurationCallSymbol) {
        public DurationBarbell {
            Require.fraction(cutProbabilityAtLeast, "durationBarbell.cutProbabilityAtLeast");
            Require.atLeast(yieldFallingLookbackDays, 1, "durationBarbell.yieldFallingLookbackDays");
            shortDurationValueSymbols = Require.entries(shortDurationValueSymbols, "durationBarbell.shortDurationValueSymbols");
            Require.text(longDurationCallSymbol, "durationBarbell.longDurationCallSymbol");
        }
    }

    public record PowellPause(double sofrOisSpreadAboveBp, double reverseRepoBelowBillions) {
        public PowellPause {
            Require.positive(sofrOisSpreadAboveBp, "powellPause.sofrOisSpreadAboveBp");
            Require.positive(reverseRepoBelowBillions, "powellPause.reverseRepoBelowBillions");
        }
    }

    /**
     * Layer 4: the VIX stress level, the VIX / VIX3M term-structure bands, the lookback and tolerance of the VIX and
     * XSP IV directions, and the XSP implied-volatility {@code regime}: the one definition of the regime, which the
     * weekly hedge acts on.
     */
    public record Volatility(double vixStressAbove, double termInvertedRatioAbove, double termContangoRatioBelow,
            int directionLookbackDays, double ivDirectionTolerance, VolatilityRegimeRule regime) {
        public Volatility {
            Require.positive(vixStressAbove, "volatility.vixStressAbove");
            Require.positive(termInvertedRatioAbove, "volatility.termInvertedRatioAbove");
            Require.positive(termContangoRatioBelow, "volatility.termContangoRatioBelow");
            if (termContangoRatioBelow > termInvertedRatioAbove) {
                throw new IllegalArgumentException("volatility.termContangoRatioBelow must not exceed "
                        + "volatility.termInvertedRatioAbove");
            }
            Require.atLeast(directionLookbackDays, 1, "volatility.directionLookbackDays");
            Require.fraction(ivDirectionTolerance, "volatility.ivDirectionTolerance");
            Objects.requireNonNull(regime, "volatility.regime is required");
        }
    }

    /**
     * Hold/out: out when the VIX term structure is inverted and SPX is below its {@code trendDays} simple moving
     * average, or when VIX is above the stress level and rising (over {@code volatility.directionLookbackDays}); back in after
     * {@code calmDaysToReenter} consecutive calm days (not stressed, VIX below {@code calmVixBelow}, term structure
     * not inverted). While out, the leveraged exposure multiplier is {@code outExposureMultiplier}.
     */
    public record Risk(int trendDays, double calmVixBelow, int calmDaysToReenter,
            double outExposureMultiplier) {
        public Risk {
            Require.atLeast(trendDays, 2, "risk.trendDays");
            Require.positive(calmVixBelow, "risk.calmVixBelow");
            Require.atLeast(calmDaysToReenter, 1, "risk.calmDaysToReenter");
            Require.fraction(outExposureMultiplier, "risk.outExposureMultiplier");
        }
    }
}
