package io.tailguard.pricing;

import io.tailguard.pricing.impl.BlackScholesFormulas;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Implied volatilities per second on one thread: {@link BlackImpliedVolatility} against Apache
 * Commons Math's Brent solver at the same accuracy (1e-12 absolute in volatility) on the same
 * Black-Scholes-Merton price function, and against Brent on the textbook price with Commons Math's
 * normal distribution (the plain implementation), over a chain-like mix of out-of-the-money calls
 * and puts (moneyness +-30%, one day to one year, 8% to 120% volatility, price at least 0.005).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ImpliedVolatilityBenchmark {

    private static final int CASES = 1024;
    private static final double SPOT = 580.0;
    private static final double RATE = 0.045;
    private static final double DIVIDEND = 0.013;
    private static final double VOL_ACCURACY = 1e-12;
    private static final double MIN_PRICE = 0.005;

    private final double[] prices = new double[CASES];
    private final double[] strikes = new double[CASES];
    private final double[] expiries = new double[CASES];
    private final PutCall[] rights = new PutCall[CASES];
    private final BrentSolver brent = new BrentSolver(1e-15, VOL_ACCURACY, 1e-300);
    private final NormalDistribution normal = new NormalDistribution(null, 0.0, 1.0);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20251122L);
        int i = 0;
        while (i < CASES) {
            double expiry = Math.exp(random.nextDouble(Math.log(1.0 / 365), Math.log(1.0)));
            double vol = random.nextDouble(0.08, 1.2);
            double strike = SPOT * Math.exp(random.nextDouble(-0.3, 0.3));
            // a chain's volatility comes from its out-of-the-money side, quoted at half a tick or more
            double forward = SPOT * Math.exp((RATE - DIVIDEND) * expiry);
            PutCall right = strike < forward ? PutCall.PUT : PutCall.CALL;
            double price = BlackScholesFormulas.price(SPOT, strike, expiry, RATE, DIVIDEND, vol, right.sign());
            if (price < MIN_PRICE) {
                continue;
            }
            strikes[i] = strike;
            expiries[i] = expiry;
            rights[i] = right;
            prices[i] = price;
            i++;
        }
        // both solvers must agree before their speeds mean anything
        for (i = 0; i < CASES; i++) {
            ImpliedVolResult ours = implied(i);
            if (ours.isSolved()) {
                double theirs = brent(i);
                // deep in-the-money short-dated prices pin the volatility down only to ulp(price) / vega
                double[] greeks = new double[6];
                BlackScholesFormulas.priceAndGreeks(SPOT, strikes[i], expiries[i], RATE, DIVIDEND, ours.volatility(),
                        rights[i].sign(), greeks);
                double attainable = 1e-11 + 8 * Math.ulp(prices[i]) / greeks[3];
                if (Math.abs(ours.volatility() - theirs) > attainable) {
                    throw new IllegalStateException("solvers disagree at case " + i + ": " + ours + " vs " + theirs);
                }
            }
        }
    }

    private ImpliedVolResult implied(int i) {
        return BlackImpliedVolatility.DEFAULT.impliedVolatility(
                prices[i], new VanillaOption(rights[i], strikes[i], expiries[i]), SPOT, RATE, DIVIDEND);
    }

    private double brent(int i) {
        double strike = strikes[i];
        double expiry = expiries[i];
        int theta = rights[i].sign();
        double target = prices[i];
        return brent.solve(500,
                vol -> BlackScholesFormulas.price(SPOT, strike, expiry, RATE, DIVIDEND, vol, theta) - target, 1e-4, 5.0);
    }

    /** The textbook price with Commons Math's normal distribution: what a plain implementation calls. */
    private double textbookPrice(double strike, double expiry, double vol, int theta) {
        double sd = vol * Math.sqrt(expiry);
        double d1 = (Math.log(SPOT / strike) + (RATE - DIVIDEND) * expiry) / sd + 0.5 * sd;
        double d2 = d1 - sd;
        return theta * (SPOT * Math.exp(-DIVIDEND * expiry) * normal.cumulativeProbability(theta * d1)
                - strike * Math.exp(-RATE * expiry) * normal.cumulativeProbability(theta * d2));
    }

    private double brentTextbook(int i) {
        double strike = strikes[i];
        double expiry = expiries[i];
        int theta = rights[i].sign();
        double target = prices[i];
        return brent.solve(500, vol -> textbookPrice(strike, expiry, vol, theta) - target, 1e-4, 5.0);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double letsBeRationalHouseholder() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            ImpliedVolResult result = implied(i);
            sum += result.isSolved() ? result.volatility() : 0.0;
        }
        return sum;
    }

    /** Brent on the same fast, accurate price function our solver uses: the solver alone compared. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public double commonsMathBrent() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            sum += brent(i);
        }
        return sum;
    }

    /** Brent on the textbook price with Commons Math's normal CDF (the plain implementation). */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public double commonsMathBrentTextbookPrice() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            sum += brentTextbook(i);
        }
        return sum;
    }
}
