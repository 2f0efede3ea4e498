package io.tailguard.pricing.impl;

/**
 * The standard normal distribution and the error functions it is built on, to full double precision.
 *
 * <p>The complementary error function uses W. J. Cody's rational Chebyshev approximations (Math. Comp.
 * 23, 1969) on three intervals: {@code |x| <= 0.46875} (erf as x times a rational in x^2),
 * {@code 0.46875 < |x| <= 4} (erfc as exp(-x^2) times a rational in x) and {@code |x| > 4} (the
 * asymptotic form exp(-x^2)/x times a rational in 1/x^2). The scaled form {@link #erfcx} drops the
 * exp(-x^2) factor, which is what keeps far-tail option prices free of underflow and cancellation.
 */
public final class Gaussian {

    /** 1/sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    private static final double INV_SQRT_2 = 0.7071067811865476;
    private static final double SMALL_ARGUMENT = 0.46875;

    // Cody (1969), table for |x| <= 0.46875: erf(x) = x * P(x^2) / Q(x^2).
    private static final double[] A = {
        3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947,
        0.185777706184603153};
    private static final double[] B = {
        23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062};
    // Cody (1969), table for 0.46875 < x <= 4: erfc(x) = exp(-x^2) * P(x) / Q(x).
    private static final double[] C = {
        0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
        881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
        2.15311535474403846e-8};
    private static final double[] D = {
        15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
        3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942};
    // Cody (1969), table for x > 4: erfc(x) = exp(-x^2)/x * (1/sqrt(pi) + P(1/x^2) / (x^2 Q(1/x^2))).
    private static final double[] P = {
        0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
        6.58749161529837803e-4, 0.0163153871373020978};
    private static final double[] Q = {
        2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191,
        0.00233520497626869185};

    private Gaussian() {
    }

    /** The standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** The standard normal cumulative distribution, accurate to a few ulps also deep in the lower tail. */
    public static double cdf(double x) {
        return 0.5 * erfc(-x * INV_SQRT_2);
    }

    /** The complementary error function. */
    public static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_ARGUMENT) {
            return 1.0 - erfSmall(x);
        }
        double result = y >= 26.7 ? 0.0 : expMinusSquare(y) * erfcxPositive(y);
        return x < 0 ? 2.0 - result : result;
    }

    /** The scaled complementary error function exp(x^2) erfc(x). */
    public static double erfcx(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_ARGUMENT) {
            return Math.exp(x * x) * (1.0 - erfSmall(x));
        }
        if (x > 0) {
            return erfcxPositive(y);
        }
        // erfc(-y) = 2 - erfc(y): scale both terms; overflows to +infinity only where the true value does
        return 2.0 * Math.exp(y * y) - erfcxPositive(y);
    }

    private static double erfSmall(double x) {
        double z = x * x;
        double num = A[4] * z;
        double den = z;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * z;
            den = (den + B[i]) * z;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** exp(y^2) erfc(y) for y > 0.46875. */
    private static double erfcxPositive(double y) {
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        double z = 1.0 / (y * y);
        double num = P[5] * z;
        double den = z;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * z;
            den = (den + Q[i]) * z;
        }
        double r = z * (num + P[4]) / (den + Q[4]);
        return (INV_SQRT_PI - r) / y;
    }

    /** exp(-y^2) without the rounding error of squaring y: split y into a short head and a tail. */
    private static double expMinusSquare(double y) {
        double head = Math.floor(y * 16.0) / 16.0;
        double tail = (y - head) * (y + head);
        return Math.exp(-head * head) * Math.exp(-tail);
    }
}
