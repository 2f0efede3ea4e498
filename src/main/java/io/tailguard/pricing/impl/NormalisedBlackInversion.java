package io.tailguard.pricing.impl;

/**
 * Inverts the normalised Black function: finds the total volatility s = sigma sqrt(T) of an
 * out-of-the-money call (x &lt;= 0) whose normalised price is beta, for 0 &lt; beta &lt; e^{x/2}.
 *
 * <p>The method follows the structure of Jäckel's "Let's Be Rational" (Wilmott 2015), written here
 * from the mathematics with simpler initial guesses: b(s) has its inflection point at
 * {@code s_c = sqrt(2|x|)}; below it (beta &lt; b(s_c)) the objective is {@code 1/ln b(s) - 1/ln beta},
 * above it {@code ln(e^{x/2} - b(s)) - ln(e^{x/2} - beta)}. Both are close to linear in s over their
 * whole branch, so a third-order Householder step, using the closed forms
 * {@code b''/b' = x^2/s^3 - s/4} and {@code b'''/b' = (b''/b')^2 - 3x^2/s^4 - 1/4}, converges in
 * a few iterations from guesses taken from the small-s and large-s asymptotics of b. A bracket kept
 * from the sign of every residual catches any step that would leave it.
 */
public final class NormalisedBlackInversion {

    /**
     * Iterations stop after a step smaller than this relative to s: Householder's third-order step
     * converges quartically, so the error after a step of 1e-4 is of order 1e-16 (the dense-grid tests
     * show no loss against a tolerance of 1e-9, and it saves an evaluation in most solves).
     */
    private static final double STEP_TOLERANCE = 1e-4;
    private static final int MAX_ITERATIONS = 32;
    private static final int GUESS_ROUNDS = 3;
    /** Below this fraction of b(s_c) the small-s asymptotic is the better initial guess. */
    private static final double LOWER_GUESS_SWITCH = 0.02;
    private static final double UPPER_GUESS_SWITCH = 0.5;
    private static final double LN_SQRT_2PI = 0.9189385332046728;
    private static final double LN_4_OVER_SQRT_2PI = Math.log(4.0) - 0.9189385332046728;

    /** A root: total volatility and the number of Householder iterations used. */
    public record Root(double totalVolatility, int iterations) {
    }

    private NormalisedBlackInversion() {
    }

    /**
     * Total volatility for normalised out-of-the-money call price beta at log-moneyness x &lt;= 0.
     * The caller guarantees {@code 0 < beta < e^{x/2}}.
     */
    public static Root solve(double beta, double x) {
        double ax = -x;
        double bMax = Math.exp(0.5 * x);
        double sc = Math.sqrt(2.0 * ax);
        // at the inflection point h = -t, so g = e^{x/2} and b_c = e^{x/2} (1 - erfcx(sqrt|x|)) / 2
        double bc = 0.5 * bMax * (1.0 - Gaussian.erfcx(Math.sqrt(ax)));
        double vc = Gaussian.INV_SQRT_2PI * bMax;
        if (beta < bc) {
            return solveLower(beta, x, sc, bc, vc);
        }
        return solveUpper(beta, x, sc, bc, vc, bMax);
    }

    private static Root solveLower(double beta, double x, double sc, double bc, double vc) {
        double x2 = x * x;
        double lnBeta = Math.log(beta);
        double tangent = sc + (beta - bc) / vc;
        double s;
        if (beta > LOWER_GUESS_SWITCH * bc) {
            s = tangent;
        } else {
            // small-s asymptotic: b ~ s^3 / (x^2 sqrt(2 pi)) exp(-x^2/(2 s^2) - s^2/8), fixed-point in s
            s = Math.max(tangent, 0.25 * sc);
            double constant = Math.log(x2) + LN_SQRT_2PI + lnBeta;
            for (int i = 0; i < GUESS_ROUNDS; i++) {
                double denominator = 3.0 * Math.log(s) - constant - 0.125 * s * s;
                if (!(denominator > 0)) {
                    break;
                }
                s = Math.sqrt(x2 / (2.0 * denominator));
            }
            s = Math.min(s, sc);
        }
        double lo = 0.0;
        double hi = sc;
        double invLnBeta = 1.0 / lnBeta;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double h = x / s;
            double t = 0.5 * s;
            double gauss = Math.exp(-0.5 * (h * h + t * t));
            double b = NormalisedBlack.outOfTheMoneyCall(x, s, gauss);
            double step;
            if (!(b > 0)) {
                lo = s;
                step = Double.NaN;
            } else {
                if (b > beta) {
                    hi = s;
                } else {
                    lo = s;
                }
                double r1 = Gaussian.INV_SQRT_2PI * gauss / b;
                double k2 = x2 / (s * s * s) - 0.25 * s;
                double k3 = k2 * k2 - 3.0 * x2 / (s * s * s * s) - 0.25;
                double ln = Math.log(b);
                double d1 = r1;
                double d2 = r1 * k2 - r1 * r1;
                double d3 = r1 * k3 - 3.0 * r1 * r1 * k2 + 2.0 * r1 * r1 * r1;
                double ln2 = ln * ln;
                double g = 1.0 / ln - invLnBeta;
                double g1 = -d1 / ln2;
                double g2 = -d2 / ln2 + 2.0 * d1 * d1 / (ln2 * ln);
                double g3 = -d3 / ln2 + 6.0 * d1 * d2 / (ln2 * ln) - 6.0 * d1 * d1 * d1 / (ln2 * ln2);
                step = householder(g, g1, g2, g3);
            }
            if (Math.abs(step) <= STEP_TOLERANCE * s) {
                return new Root(s + step, iteration);
            }
            double next = s + step;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - s) <= STEP_TOLERANCE * next) {
                return new Root(next, iteration);
            }
            s = next;
        }
        return new Root(s, MAX_ITERATIONS);
    }

    private static Root solveUpper(double beta, double x, double sc, double bc, double vc, double bMax) {
        double x2 = x * x;
        double cBeta = bMax - beta;
        double lnCBeta = Math.log(cBeta);
        double s = sc + (beta - bc) / vc;
        if (cBeta < UPPER_GUESS_SWITCH * (bMax - bc)) {
            // large-s asymptotic of the gap to the bound: e^{x/2} - b ~ 4 phi-like / s, fixed-point in s
            for (int i = 0; i < GUESS_ROUNDS; i++) {
                double arg = LN_4_OVER_SQRT_2PI - Math.log(s) - 0.5 * x2 / (s * s) - lnCBeta;
                if (!(arg > 0)) {
                    break;
                }
                s = Math.max(Math.sqrt(8.0 * arg), sc);
            }
        }
        double lo = sc;
        double hi = Double.POSITIVE_INFINITY;
        // below half the bound the gap e^{x/2} - beta has lost the digits of beta: solve b(s) = beta directly
        boolean direct = beta <= 0.5 * bMax;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double h = x / s;
            double t = 0.5 * s;
            double gauss = Math.exp(-0.5 * (h * h + t * t));
            double v = Gaussian.INV_SQRT_2PI * gauss;
            double k2 = x2 / (s * s * s) - 0.25 * s;
            double k3 = k2 * k2 - 3.0 * x2 / (s * s * s * s) - 0.25;
            double step;
            if (direct) {
                double b = NormalisedBlack.outOfTheMoneyCall(x, s, gauss);
                if (b > beta) {
                    hi = s;
                } else {
                    lo = s;
                }
                step = householder(b - beta, v, v * k2, v * k3);
            } else {
                double c = NormalisedBlack.outOfTheMoneyCallComplement(x, s, gauss);
                if (!(c > 0)) {
                    hi = s;
                    step = Double.NaN;
                } else {
                    if (c < cBeta) {
                        hi = s;
                    } else {
                        lo = s;
                    }
                    double r1 = v / c;
                    double g = Math.log(c) - lnCBeta;
                    double g1 = -r1;
                    double g2 = -r1 * k2 - r1 * r1;
                    double g3 = -r1 * k3 - 3.0 * r1 * r1 * k2 - 2.0 * r1 * r1 * r1;
                    step = householder(g, g1, g2, g3);
                }
            }
            if (Math.abs(step) <= STEP_TOLERANCE * s) {
                return new Root(s + step, iteration);
            }
            double next = s + step;
            if (!(next > lo && next < hi)) {
                next = Double.isInfinite(hi) ? 2.0 * Math.max(s, lo) : 0.5 * (lo + hi);
            }
            if (Math.abs(next - s) <= STEP_TOLERANCE * next) {
                return new Root(next, iteration);
            }
            s = next;
        }
        return new Root(s, MAX_ITERATIONS);
    }

    /** Third-order Householder step from the objective and its first three derivatives. */
    static double householder(double g, double g1, double g2, double g3) {
        double newton = -g / g1;
        double h2 = g2 / g1;
        double h3 = g3 / g1;
        double step = newton * (1.0 + 0.5 * h2 * newton) / (1.0 + newton * (h2 + h3 * newton / 6.0));
        return Double.isFinite(step) ? step : newton;
    }
}
