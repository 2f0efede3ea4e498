package io.tailguard.broker.sim.market;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The simulated market's parameters. SPX follows a Heston-style stochastic variance with Poisson
 * jumps; {@code baseVol} is the long-run level of volatility, the variance starts there. Levels are
 * anchored at the close of the session before the start date: there SPX = {@code spxStartLevel}
 * and UPRO = {@code uproStartPrice}. Rates and volatilities are annual decimals (0.16 = 16 %).
 *
 * @param seed                   the same seed gives the same path, history and quotes
 * @param start                  the simulated clock's start instant (ACCELERATED / MANUAL)
 * @param spxStartLevel          SPX at the close before the start date
 * @param uproStartPrice         UPRO at the close before the start date
 * @param baseVol                long-run SPX volatility (the variance reverts to baseVol²)
 * @param volOfVol               volatility of the variance process (Heston ξ)
 * @param varianceMeanReversionPerYear speed of reversion of the variance (Heston κ)
 * @param spotVolCorrelation     correlation of SPX and variance shocks (negative: leverage effect)
 * @param jumpsPerYear           Poisson intensity of SPX jumps
 * @param jumpMeanLogReturn      mean log size of a jump (negative: crashes)
 * @param jumpStdLogReturn       dispersion of the jump size
 * @param uproDragPerYear        UPRO's expense ratio plus financing of the 2x borrowed exposure
 * @param dividendYield          SPX dividend yield (forward drift of XSP/SPX options, SPY's accrual)
 * @param tenYearYieldPct        centre of the 10-year yield random walk, in percent (TNX quotes 10x)
 * @param historyTradingDays     daily bars generated before the start date
 * @param step                   length of one intraday step of the path
 * @param clockMode              real, accelerated or manual time
 * @param accelerationFactor     simulated seconds per wall-clock second (ACCELERATED)
 */
public record MarketModelConfig(
        long seed,
        Instant start,
        double spxStartLevel,
        double uproStartPrice,
        double baseVol,
        double volOfVol,
        double varianceMeanReversionPerYear,
        double spotVolCorrelation,
        double jumpsPerYear,
        double jumpMeanLogReturn,
        double jumpStdLogReturn,
        double uproDragPerYear,
        double dividendYield,
        double tenYearYieldPct,
        int historyTradingDays,
        Duration step,
        ClockMode clockMode,
        double accelerationFactor) {

    public MarketModelConfig {
        Objects.requireNonNull(start, "start must be set");
        Objects.requireNonNull(step, "step must be set");
        Objects.requireNonNull(clockMode, "clockMode must be set");
        positive("spxStartLevel", spxStartLevel);
        positive("uproStartPrice", uproStartPrice);
        range("baseVol", baseVol, 0.02, 2.0);
        range("volOfVol", volOfVol, 0.0, 3.0);
        range("varianceMeanReversionPerYear", varianceMeanReversionPerYear, 0.01, 50.0);
        range("spotVolCorrelation", spotVolCorrelation, -1.0, 1.0);
        range("jumpsPerYear", jumpsPerYear, 0.0, 100.0);
        range("jumpMeanLogReturn", jumpMeanLogReturn, -0.5, 0.5);
        range("jumpStdLogReturn", jumpStdLogReturn, 0.0, 0.5);
        range("uproDragPerYear", uproDragPerYear, 0.0, 0.5);
        range("dividendYield", dividendYield, 0.0, 0.2);
        range("tenYearYieldPct", tenYearYieldPct, 0.0, 20.0);
        if (historyTradingDays < 0 || historyTradingDays > 5000) {
            throw new IllegalArgumentException("historyTradingDays must be in [0, 5000], was " + historyTradingDays);
        }
        if (step.compareTo(Duration.ofSeconds(10)) < 0 || step.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("step must be between 10 s and 1 h, was " + step);
        }
        if (clockMode == ClockMode.ACCELERATED && !(accelerationFactor >= 1.0 && accelerationFactor <= 1_000_000)) {
            throw new IllegalArgumentException(
                    "accelerationFactor must be in [1, 1e6] for an ACCELERATED clock, was " + accelerationFactor);
        }
    }

    /**
     * SPX 5900 and UPRO 80 at the close of Friday 2026-11-13, the clock manual at Monday 2026-11-16
     * 09:30 ET; 16 % base vol, three jumps a year of about -3 %, 0.95 % expenses plus 2x financing at
     * about 4.3 % for UPRO (9.5 % a year), 1.3 % dividends, 300 days of history, 5-minute steps.
     */
    public static MarketModelConfig defaults() {
        return new MarketModelConfig(
                20261116L,
                ZonedDateTime.parse("2026-11-16T09:30:00-05:00[America/New_York]").toInstant(),
                5900.0,
                80.0,
                0.16,
                0.55,
                3.0,
                -0.7,
                3.0,
                -0.03,
                0.015,
                0.095,
                0.013,
                4.3,
                300,
                Duration.ofMinutes(5),
                ClockMode.MANUAL,
                1.0);
    }

    public MarketModelConfig withSeed(long newSeed) {
        return new MarketModelConfig(newSeed, start, spxStartLevel, uproStartPrice, baseVol, volOfVol,
                varianceMeanReversionPerYear, spotVolCorrelation, jumpsPerYear, jumpMeanLogReturn, jumpStdLogReturn,
                uproDragPerYear, dividendYield, tenYearYieldPct, historyTradingDays, step, clockMode,
                accelerationFactor);
    }

    public MarketModelConfig withStart(Instant newStart, double newSpxStartLevel, double newUproStartPrice) {
        return new MarketModelConfig(seed, newStart, newSpxStartLevel, newUproStartPrice, baseVol, volOfVol,
                varianceMeanReversionPerYear, spotVolCorrelation, jumpsPerYear, jumpMeanLogReturn, jumpStdLogReturn,
                uproDragPerYear, dividendYield, tenYearYieldPct, historyTradingDays, step, clockMode,
                accelerationFactor);
    }

    public MarketModelConfig withClock(ClockMode newMode, double newAccelerationFactor) {
        return new MarketModelConfig(seed, start, spxStartLevel, uproStartPrice, baseVol, volOfVol,
                varianceMeanReversionPerYear, spotVolCorrelation, jumpsPerYear, jumpMeanLogReturn, jumpStdLogReturn,
                uproDragPerYear, dividendYield, tenYearYieldPct, historyTradingDays, step, newMode,
                newAccelerationFactor);
    }

    /** UPRO's drag for one trading day (252 a year). */
    public double uproDragPerDay() {
        return uproDragPerYear / 252.0;
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static void range(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], was " + value);
        }
    }
}
