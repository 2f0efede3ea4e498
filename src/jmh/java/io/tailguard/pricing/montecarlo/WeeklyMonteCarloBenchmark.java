package io.tailguard.pricing.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The weekly roll's Monte Carlo: generating 100,000 joint SPX/UPRO paths of 5 daily steps (one
 * thread), and ranking 1,000 candidate structures on those paths (parallel over candidates on the
 * common fork/join pool, i.e. all cores of the machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class WeeklyMonteCarloBenchmark {

    private static final int PATHS = 100_000;
    private static final int CANDIDATES = 1_000;
    private static final double SPX = 5800.0;
    private static final double UPRO = 90.0;

    private final ScenarioSpec studentT = ScenarioSpec.of(5, PATHS, 7L,
            StudentTDailyReturns.of(4.0, 0.18), LeveragedEtf.upro(0.0091 + 2 * 0.05));
    private final ScenarioSpec bootstrap = ScenarioSpec.of(5, PATHS, 7L,
            BootstrapDailyReturns.ofLogReturns(syntheticHistory(), 1.0), LeveragedEtf.upro(0.0091 + 2 * 0.05));
    private JointScenarios scenarios;
    private List<HedgeStructure> candidates;

    @Setup
    public void setUp() {
        scenarios = JointPathSimulator.DEFAULT.simulate(studentT, SPX, UPRO);
        candidates = new ArrayList<>(CANDIDATES);
        // 20 put strikes x 10 put counts x 5 call choices, on 1,000 shares
        for (int p = 0; p < 20; p++) {
            for (int c = 1; c <= 10; c++) {
                for (int k = 0; k < 5; k++) {
                    double putStrike = 540.0 + 2.0 * p;
                    double putPremium = 0.3 + 0.12 * p;
                    OptionLeg put = OptionLeg.longXspPut(putStrike, c, putPremium, 0.65);
                    candidates.add(k == 0
                            ? HedgeStructure.of(1_000, put)
                            : HedgeStructure.of(1_000, put, OptionLeg.shortUproCall(92.0 + 2.0 * k, 2 * k, 1.2 / k, 0.65)));
                }
            }
        }
    }

    private static double[] syntheticHistory() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        double[] returns = new double[2520];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = 0.011 * random.nextGaussian();
        }
        return returns;
    }

    @Benchmark
    public JointScenarios generate100kPathsStudentT() {
        return JointPathSimulator.DEFAULT.simulate(studentT, SPX, UPRO);
    }

    @Benchmark
    public JointScenarios generate100kPathsBootstrap() {
        return JointPathSimulator.DEFAULT.simulate(bootstrap, SPX, UPRO);
    }

    @Benchmark
    public List<StructureStatistics> evaluate1000CandidatesOn100kPaths() {
        return MonteCarloHedgeStructurePricer.DEFAULT.statistics(candidates, scenarios, 5_000.0);
    }
}
