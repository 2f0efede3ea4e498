package io.tailguard.pricing.montecarlo;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Simulates joint daily paths of the index and the leveraged ETF. Each day one index log return r is
 * drawn; the index moves by {@code e^r} and the ETF by {@link LeveragedEtf#dailyFactor} of the simple
 * return {@code e^r - 1}, so the ETF is exactly its leverage times the index's daily return, less drag.
 *
 * <p>Paths are generated in fixed blocks of {@value #BLOCK_SIZE}, each with its own random stream
 * derived from (seed, block index). The numbers therefore depend only on the seed, never on how many
 * threads generate them; {@link #simulateParallel} gives exactly the same paths as {@link #simulate}.
 */
public final class JointPathSimulator {

    /** The shared instance; the simulator holds no state. */
    public static final JointPathSimulator DEFAULT = new JointPathSimulator();

    static final int BLOCK_SIZE = 4096;

    private JointPathSimulator() {
    }

    /** Generates the scenarios on the calling thread. */
    public JointScenarios simulate(ScenarioSpec spec, double spxSpot, double uproSpot) {
        return run(spec, spxSpot, uproSpot, false);
    }

    /** Generates the scenarios on the common fork/join pool; identical numbers to {@link #simulate}. */
    public JointScenarios simulateParallel(ScenarioSpec spec, double spxSpot, double uproSpot) {
        return run(spec, spxSpot, uproSpot, true);
    }

    private JointScenarios run(ScenarioSpec spec, double spxSpot, double uproSpot, boolean parallel) {
        if (!(spxSpot > 0) || !(uproSpot > 0) || !Double.isFinite(spxSpot) || !Double.isFinite(uproSpot)) {
            throw new IllegalArgumentException("spot levels must be positive and finite: " + spxSpot + ", " + uproSpot);
        }
        int paths = spec.pathCount();
        int days = spec.tradingDays();
        double[] spxTerminal = new double[paths];
        double[] uproTerminal = new double[paths];
        double[] spxDaily = spec.recordDailyPaths() ? new double[paths * days] : null;
        double[] uproDaily = spec.recordDailyPaths() ? new double[paths * days] : null;
        int blocks = (paths + BLOCK_SIZE - 1) / BLOCK_SIZE;
        IntStream blockIndices = IntStream.range(0, blocks);
        if (parallel) {
            blockIndices = blockIndices.parallel();
        }
        blockIndices.forEach(block -> simulateBlock(spec, block, spxSpot, uproSpot,
                spxTerminal, uproTerminal, spxDaily, uproDaily));
        return new JointScenarios(spec, spxSpot, uproSpot, spxTerminal, uproTerminal, spxDaily, uproDaily);
    }

    private static void simulateBlock(ScenarioSpec spec, int block, double spxSpot, double uproSpot,
            double[] spxTerminal, double[] uproTerminal, double[] spxDaily, double[] uproDaily) {
        SplittableRandom random = new SplittableRandom(blockSeed(spec.seed(), block));
        DailyReturnModel.Sampler returns = spec.returns().sampler();
        double leverage = spec.etf().leverage();
        double dailyDrag = spec.etf().dailyDrag();
        int days = spec.tradingDays();
        int end = Math.min(spxTerminal.length, (block + 1) * BLOCK_SIZE);
        for (int path = block * BLOCK_SIZE; path < end; path++) {
            double spx = spxSpot;
            double upro = uproSpot;
            for (int day = 0; day < days; day++) {
                double simpleReturn = Math.expm1(returns.nextLogReturn(random));
                spx *= 1.0 + simpleReturn;
                upro *= Math.max(1.0 + leverage * simpleReturn - dailyDrag, 0.0); // LeveragedEtf.dailyFactor
                if (spxDaily != null) {
                    spxDaily[path * days + day] = spx;
                    uproDaily[path * days + day] = upro;
                }
            }
            spxTerminal[path] = spx;
            uproTerminal[path] = upro;
        }
    }

    /** A well-mixed, independent seed per (seed, block): Stafford's variant 13 of the MurmurHash3 finaliser. */
    static long blockSeed(long seed, int block) {
        return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (block + 1L));
    }

    private static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
