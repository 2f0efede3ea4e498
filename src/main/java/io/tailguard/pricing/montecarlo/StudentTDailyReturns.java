package io.tailguard.pricing.montecarlo;

import java.util.SplittableRandom;

/**
 * Daily index log returns drawn from a Student-t distribution with {@code degreesOfFreedom}, rescaled
 * to unit variance and then to the daily volatility {@code annualVolatility * volatilityMultiplier /
 * sqrt(252)}, plus a daily drift of {@code annualLogDrift / 252}. Infinite degrees of freedom give
 * the normal distribution (the Black-Scholes world, used to check the engine against closed forms).
 *
 * @param degreesOfFreedom nu &gt; 2 so that the variance exists; 4 is a common fit for daily equity returns
 * @param annualVolatility e.g. the at-the-money implied volatility of the hedge's expiry
 * @param volatilityMultiplier the scenario knob: 1 as implied, 1.5 for a stressed week
 * @param annualLogDrift drift of the log return per year (0 by default; r - q - sigma^2/2 for risk-neutral normal)
 */
public record StudentTDailyReturns(
        double degreesOfFreedom, double annualVolatility, double volatilityMultiplier, double annualLogDrift)
        implements DailyReturnModel {

    public StudentTDailyReturns {
        if (!(degreesOfFreedom > 2)) {
            throw new IllegalArgumentException("degreesOfFreedom must exceed 2 (finite variance): " + degreesOfFreedom);
        }
        if (!(annualVolatility >= 0) || !Double.isFinite(annualVolatility)) {
            throw new IllegalArgumentException("annualVolatility must be non-negative and finite: " + annualVolatility);
        }
        if (!(volatilityMultiplier >= 0) || !Double.isFinite(volatilityMultiplier)) {
            throw new IllegalArgumentException("volatilityMultiplier must be non-negative and finite: " + volatilityMultiplier);
        }
        if (!Double.isFinite(annualLogDrift)) {
            throw new IllegalArgumentException("annualLogDrift must be finite: " + annualLogDrift);
        }
    }

    /** Student-t with the given degrees of freedom, no scenario stress, zero drift. */
    public static StudentTDailyReturns of(double degreesOfFreedom, double annualVolatility) {
        return new StudentTDailyReturns(degreesOfFreedom, annualVolatility, 1.0, 0.0);
    }

    /** Normal daily log returns (infinite degrees of freedom). */
    public static StudentTDailyReturns normal(double annualVolatility, double annualLogDrift) {
        return new StudentTDailyReturns(Double.POSITIVE_INFINITY, annualVolatility, 1.0, annualLogDrift);
    }

    public StudentTDailyReturns withVolatilityMultiplier(double multiplier) {
        return new StudentTDailyReturns(degreesOfFreedom, annualVolatility, multiplier, annualLogDrift);
    }

    /** The standard deviation of one day's log return. */
    public double dailyVolatility() {
        return annualVolatility * volatilityMultiplier / Math.sqrt(TRADING_DAYS_PER_YEAR);
    }

    @Override
    public Sampler sampler() {
        double drift = annualLogDrift / TRADING_DAYS_PER_YEAR;
        double scale = dailyVolatility();
        if (Double.isInfinite(degreesOfFreedom)) {
            return random -> drift + scale * random.nextGaussian();
        }
        // t = z / sqrt(chi2/nu), chi2 = 2 Gamma(nu/2); unit variance: t * sqrt((nu-2)/nu) = z sqrt((nu-2)/chi2)
        double numerator = degreesOfFreedom - 2.0;
        double gammaD = 0.5 * degreesOfFreedom - 1.0 / 3.0;
        double gammaC = 1.0 / Math.sqrt(9.0 * gammaD);
        return random -> {
            double z = random.nextGaussian();
            double chiSquare = 2.0 * nextGamma(random, gammaD, gammaC);
            return drift + scale * z * Math.sqrt(numerator / chiSquare);
        };
    }

    /** Marsaglia and Tsang (ACM TOMS 26, 2000) gamma variate, shape d + 1/3 &gt;= 1, c = 1/sqrt(9d), unit scale. */
    private static double nextGamma(SplittableRandom random, double d, double c) {
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
