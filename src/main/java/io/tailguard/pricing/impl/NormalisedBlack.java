package io.tailguard.pricing.impl;

/**
 * The Black formula in Jäckel's normalised coordinates, computed without cancellation.
 *
 * <p>With forward F, strike K, total volatility s = sigma sqrt(T) and x = ln(F/K), the undiscounted
 * call price divided by sqrt(F K) is {@code b(x, s) = e^{x/2} N(x/s + s/2) - e^{-x/2} N(x/s - s/2)}.
 * A put is {@code b(-x, s)} and an in-the-money call is its intrinsic value {@code 2 sinh(x/2)} plus
 * the out-of-the-money call {@code b(-|x|, s)}, so everything reduces to x &lt;= 0. There, with
 * h = x/s and t = s/2:
 * <ul>
 *   <li>for small t the two terms nearly cancel, so b is summed as its Taylor series in t:
 *       {@code b = 2 phi(h) e^{-t^2/2} sum_{n odd} Y^(n)(h) t^n / n!} with {@code Y = N/phi}, whose
 *       derivatives follow {@code Y' = 1 + hY} and {@code Y^(n) = (n-1) Y^(n-2) + h Y^(n-1)};</li>
 *   <li>otherwise {@code b = 1/2 e^{-(h^2+t^2)/2} [erfcx(-(h+t)/sqrt2) - erfcx((t-h)/sqrt2)]}, which
 *       keeps deep out-of-the-money prices accurate to the last digits instead of underflowing.</li>
 * </ul>
 */
public final class NormalisedBlack {

    private static final double INV_SQRT_2 = 0.7071067811865476;
    private static final double SQRT_PI_OVER_2 = 1.2533141373155003;
    /** Below this t (with h not too negative) the Taylor series is the accurate form. */
    private static final double TAYLOR_MAX_T = 0.05;
    private static final double TAYLOR_MIN_H = -6.0;
    private static final int TAYLOR_MAX_TERMS = 24;
    /** 1 / ((n - 1) n) for odd n, the factor from t^(n-2)/(n-2)! to t^n/n!. */
    private static final double[] TAYLOR_FACTORS = new double[TAYLOR_MAX_TERMS];

    static {
        for (int n = 3; n < TAYLOR_MAX_TERMS; n += 2) {
            TAYLOR_FACTORS[n] = 1.0 / ((n - 1.0) * n);
        }
    }

    private NormalisedBlack() {
    }

    /** Normalised call price b(x, s) for any x and s &gt;= 0. */
    public static double call(double x, double s) {
        if (x > 0) {
            return intrinsic(x) + outOfTheMoneyCall(-x, s);
        }
        return outOfTheMoneyCall(x, s);
    }

    /** Normalised price of a call (theta = +1) or put (theta = -1). */
    public static double price(double x, double s, int theta) {
        return call(theta * x, s);
    }

    /** Normalised intrinsic value of a call, {@code e^{x/2} - e^{-x/2}}, exact also for small x. */
    public static double intrinsic(double x) {
        return 2.0 * Math.sinh(0.5 * x);
    }

    /** Normalised vega db/ds = phi(x/s + s/2) e^{x/2}, written without overflow. */
    public static double vega(double x, double s) {
        double h = x / s;
        double t = 0.5 * s;
        return Gaussian.INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
    }

    /**
     * The out-of-the-money call b(x, s) for x &lt;= 0; its upper bound is e^{x/2} (the discounted
     * forward share of a call worth nothing but time value).
     */
    public static double outOfTheMoneyCall(double x, double s) {
        if (!(s > 0)) {
            return 0.0;
        }
        double h = x / s;
        double t = 0.5 * s;
        return outOfTheMoneyCall(x, s, Math.exp(-0.5 * (h * h + t * t)));
    }

    /**
     * The out-of-the-money call with the Gaussian factor {@code g = exp(-(h^2 + t^2)/2)} supplied by a
     * caller that needs it anyway (vega is {@code g / sqrt(2 pi)}): one exponential per evaluation.
     */
    public static double outOfTheMoneyCall(double x, double s, double g) {
        if (!(s > 0)) {
            return 0.0;
        }
        double t = 0.5 * s;
        if (x == 0) {
            // at the money b = N(t) - N(-t) = erf(t/sqrt2) = 1 - erfc(t/sqrt2)
            return t < TAYLOR_MAX_T ? taylor(0.0, t, g) : 1.0 - Gaussian.erfc(t * INV_SQRT_2);
        }
        double h = x / s;
        if (t < TAYLOR_MAX_T && h > TAYLOR_MIN_H) {
            return taylor(h, t, g);
        }
        double second = 0.5 * g * Gaussian.erfcx((t - h) * INV_SQRT_2);
        if (h + t >= 0) {
            // upper region: e^{x/2} N(h+t) is at least half of e^{x/2}; no cancellation worth avoiding
            double first = Math.exp(0.5 * x) * (1.0 - 0.5 * Gaussian.erfc((h + t) * INV_SQRT_2));
            return Math.max(first - second, 0.0);
        }
        double first = 0.5 * g * Gaussian.erfcx(-(h + t) * INV_SQRT_2);
        return Math.max(first - second, 0.0);
    }

    /**
     * {@code e^{x/2} - b(x, s)} for x &lt;= 0: how far an out-of-the-money call is below its upper
     * bound, summed from two positive terms so that it stays accurate when b is close to the bound.
     */
    public static double outOfTheMoneyCallComplement(double x, double s) {
        double h = x / s;
        double t = 0.5 * s;
        return outOfTheMoneyCallComplement(x, s, Math.exp(-0.5 * (h * h + t * t)));
    }

    /**
     * The complement with the Gaussian factor supplied; requires s^2 &gt;= 2|x| (h + t &gt;= 0), where
     * {@code e^{x/2} N(-(h+t)) = g/2 erfcx((h+t)/sqrt2)}.
     */
    public static double outOfTheMoneyCallComplement(double x, double s, double g) {
        double h = x / s;
        double t = 0.5 * s;
        if (h + t < 0) {
            double first = Math.exp(0.5 * x) * 0.5 * Gaussian.erfc((h + t) * INV_SQRT_2);
            return first + 0.5 * g * Gaussian.erfcx((t - h) * INV_SQRT_2);
        }
        return 0.5 * g * (Gaussian.erfcx((h + t) * INV_SQRT_2) + Gaussian.erfcx((t - h) * INV_SQRT_2));
    }

    private static double taylor(double h, double t, double g) {
        double y0 = SQRT_PI_OVER_2 * Gaussian.erfcx(-h * INV_SQRT_2);
        double y1 = 1.0 + h * y0;
        // Y^(n) for n = 0, 1 seeded; odd terms accumulate t^n / n!
        double prevEven = y0;
        double prevOdd = y1;
        double t2 = t * t;
        double power = t; // t^n / n! for the current odd n
        double sum = y1 * power;
        for (int n = 3; n < TAYLOR_MAX_TERMS; n += 2) {
            double even = (n - 2) * prevEven + h * prevOdd; // Y^(n-1)
            double odd = (n - 1) * prevOdd + h * even; // Y^(n)
            power *= t2 * TAYLOR_FACTORS[n];
            double term = odd * power;
            sum += term;
            prevEven = even;
            prevOdd = odd;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        // phi(h) e^{-t^2/2} = g / sqrt(2 pi)
        return 2.0 * Gaussian.INV_SQRT_2PI * g * sum;
    }
}
