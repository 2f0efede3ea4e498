package io.tailguard.broker.sim.market;

/**
 * Black-Scholes-Merton price and greeks of a European option with continuous dividend yield q, and a
 * Cox-Ross-Rubinstein tree for American options. Stands in until {@code io.tailguard.pricing} has a
 * pricer (the pricing branch had none when the sim market was written); to be replaced by it.
 * Greeks are in IB's units: vega per vol point (0.01), theta per calendar day.
 */
final class BlackScholesMerton {

    private static final int TREE_STEPS = 150;
    private static final double MIN_T = 1e-7;

    private BlackScholesMerton() {
    }

    record Result(double price, double delta, double gamma, double vega, double theta) {
    }

    static Result european(boolean call, double s, double k, double t, double r, double q, double sigma) {
        if (t < MIN_T) {
            return intrinsic(call, s, k);
        }
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        double dfR = Math.exp(-r * t);
        double dfQ = Math.exp(-q * t);
        double pdf = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
        double gamma = dfQ * pdf / (s * sigma * sqrtT);
        double vega = s * dfQ * pdf * sqrtT;
        double decay = -s * dfQ * pdf * sigma / (2 * sqrtT);
        double price;
        double delta;
        double theta;
        if (call) {
            price = s * dfQ * cdf(d1) - k * dfR * cdf(d2);
            delta = dfQ * cdf(d1);
            theta = decay - r * k * dfR * cdf(d2) + q * s * dfQ * cdf(d1);
        } else {
            price = k * dfR * cdf(-d2) - s * dfQ * cdf(-d1);
            delta = -dfQ * cdf(-d1);
            theta = decay + r * k * dfR * cdf(-d2) - q * s * dfQ * cdf(-d1);
        }
        return new Result(Math.max(0, price), delta, gamma, vega / 100, theta / 365);
    }

    /** American option on a CRR tree; vega by bumping the vol one point. */
    static Result american(boolean call, double s, double k, double t, double r, double q, double sigma) {
        if (t < MIN_T) {
            return intrinsic(call, s, k);
        }
        double[] base = tree(call, s, k, t, r, q, sigma);
        double bumped = tree(call, s, k, t, r, q, sigma + 0.01)[0];
        return new Result(base[0], base[1], base[2], bumped - base[0], base[3]);
    }

    /** {price, delta, gamma, theta per day}. */
    private static double[] tree(boolean call, double s, double k, double t, double r, double q, double sigma) {
        int n = TREE_STEPS;
        double dt = t / n;
        double u = Math.exp(sigma * Math.sqrt(dt));
        double d = 1 / u;
        double p = (Math.exp((r - q) * dt) - d) / (u - d);
        double disc = Math.exp(-r * dt);
        double[] v = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double st = s * Math.pow(u, n - 2.0 * i);
            v[i] = Math.max(0, call ? st - k : k - st);
        }
        double[] level2 = null;
        double[] level1 = null;
        for (int step = n - 1; step >= 0; step--) {
            for (int i = 0; i <= step; i++) {
                double st = s * Math.pow(u, step - 2.0 * i);
                double cont = disc * (p * v[i] + (1 - p) * v[i + 1]);
                v[i] = Math.max(cont, call ? st - k : k - st);
            }
            if (step == 2) {
                level2 = new double[] {v[0], v[1], v[2]};
            } else if (step == 1) {
                level1 = new double[] {v[0], v[1]};
            }
        }
        double su = s * u;
        double sd = s * d;
        double delta = (level1[0] - level1[1]) / (su - sd);
        double deltaUp = (level2[0] - level2[1]) / (s * u * u - s);
        double deltaDown = (level2[1] - level2[2]) / (s - s * d * d);
        double gamma = (deltaUp - deltaDown) / (0.5 * (s * u * u - s * d * d));
        double theta = (level2[1] - v[0]) / (2 * dt) / 365;
        return new double[] {v[0], delta, gamma, theta};
    }

    private static Result intrinsic(boolean call, double s, double k) {
        double value = Math.max(0, call ? s - k : k - s);
        double delta = value > 0 ? (call ? 1 : -1) : 0;
        return new Result(value, delta, 0, 0, 0);
    }

    /** Standard normal CDF, Hart (1968) as given by West (2005): double precision. */
    static double cdf(double x) {
        double a = Math.abs(x);
        double c;
        if (a > 37) {
            c = 0;
        } else {
            double e = Math.exp(-a * a / 2);
            if (a < 7.07106781186547) {
                double b = 3.52624965998911E-02 * a + 0.700383064443688;
                b = b * a + 6.37396220353165;
                b = b * a + 33.912866078383;
                b = b * a + 112.079291497871;
                b = b * a + 221.213596169931;
                b = b * a + 220.206867912376;
                c = e * b;
                b = 8.83883476483184E-02 * a + 1.75566716318264;
                b = b * a + 16.064177579207;
                b = b * a + 86.7807322029461;
                b = b * a + 296.564248779674;
                b = b * a + 637.333633378831;
                b = b * a + 793.826512519948;
                b = b * a + 440.413735824752;
                c = c / b;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - c : c;
    }
}
