package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.pricing.BlackScholesMertonEuropeanPricer;
import io.tailguard.pricing.OptionMarket;
import io.tailguard.pricing.VanillaOption;
import org.junit.jupiter.api.Test;

class JointPathSimulatorTest {

    private static final JointPathSimulator SIMULATOR = JointPathSimulator.DEFAULT;
    private static final double SPX = 5800.0;
    private static final double UPRO = 90.0;
    /** Relative rounding of one multiplication chain of five daily factors. */
    private static final double ROUNDING = 1e-14;

    private static ScenarioSpec weekly(int paths, long seed, DailyReturnModel returns, LeveragedEtf etf) {
        return ScenarioSpec.of(5, paths, seed, returns, etf);
    }

    @Test
    void uproDailyReturnIsExactlyThreeTimesTheIndexDailyReturnWithoutDrag() {
        // normal returns at 30% volatility never fall the 33% in a day that would floor the ETF at zero
        ScenarioSpec spec = weekly(10_000, 1, StudentTDailyReturns.normal(0.3, 0.0), LeveragedEtf.upro(0.0))
                .withRecordDailyPaths(true);
        JointScenarios scenarios = SIMULATOR.simulate(spec, SPX, UPRO);
        for (int path = 0; path < scenarios.pathCount(); path++) {
            for (int day = 1; day <= 5; day++) {
                double index = scenarios.spxAt(path, day) / scenarios.spxAt(path, day - 1) - 1.0;
                double etf = scenarios.uproAt(path, day) / scenarios.uproAt(path, day - 1) - 1.0;
                assertThat(etf).isCloseTo(3.0 * index, within(ROUNDING));
            }
        }
    }

    @Test
    void dragIsTakenOffEveryDayAndVolatilityDecayCompounds() {
        LeveragedEtf upro = LeveragedEtf.upro(0.06);
        ScenarioSpec spec = weekly(2_000, 2, StudentTDailyReturns.normal(0.3, 0.0), upro).withRecordDailyPaths(true);
        JointScenarios scenarios = SIMULATOR.simulate(spec, SPX, UPRO);
        for (int path = 0; path < scenarios.pathCount(); path++) {
            for (int day = 1; day <= 5; day++) {
                double index = scenarios.spxAt(path, day) / scenarios.spxAt(path, day - 1) - 1.0;
                double etf = scenarios.uproAt(path, day) / scenarios.uproAt(path, day - 1) - 1.0;
                assertThat(etf).isCloseTo(3.0 * index - 0.06 / 252, within(ROUNDING));
            }
            // 1 + 3r <= (1 + r)^3 for r > -3: daily reset never beats the cube of the index move
            double cube = Math.pow(scenarios.spxTerminal(path) / SPX, 3);
            assertThat(scenarios.uproTerminal(path) / UPRO).isLessThanOrEqualTo(cube * (1 + ROUNDING));
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersAndThreadsDoNotChangeThem() {
        ScenarioSpec spec = weekly(20_000, 42, StudentTDailyReturns.of(4, 0.25), LeveragedEtf.upro(0.03));
        JointScenarios first = SIMULATOR.simulate(spec, SPX, UPRO);
        JointScenarios again = SIMULATOR.simulate(spec, SPX, UPRO);
        JointScenarios parallel = SIMULATOR.simulateParallel(spec, SPX, UPRO);
        assertThat(again.spxTerminals()).containsExactly(first.spxTerminals());
        assertThat(again.uproTerminals()).containsExactly(first.uproTerminals());
        assertThat(parallel.spxTerminals()).containsExactly(first.spxTerminals());
        assertThat(parallel.uproTerminals()).containsExactly(first.uproTerminals());
        JointScenarios other = SIMULATOR.simulate(spec.withSeed(43), SPX, UPRO);
        assertThat(other.spxTerminal(0)).isNotEqualTo(first.spxTerminal(0));
    }

    @Test
    void monteCarloPriceOfAEuropeanPutConvergesToBlackScholesWithinItsStandardError() {
        double vol = 0.2;
        double rate = 0.045;
        double dividend = 0.013;
        int days = 5;
        double expiry = days / DailyReturnModel.TRADING_DAYS_PER_YEAR;
        double strikeXsp = 570.0;
        // risk-neutral: log drift r - q - sigma^2/2
        StudentTDailyReturns normal = StudentTDailyReturns.normal(vol, rate - dividend - 0.5 * vol * vol);
        JointScenarios scenarios = SIMULATOR.simulate(ScenarioSpec.of(days, 400_000, 7, normal, LeveragedEtf.upro(0)), SPX, UPRO);
        HedgeStructure onePut = HedgeStructure.of(0, OptionLeg.longXspPut(strikeXsp, 1, 0.0, 0.0));
        PayoffDistribution payoff = MonteCarloHedgeStructurePricer.DEFAULT.distribution(onePut, scenarios, 0.0);
        double discount = Math.exp(-rate * expiry);
        double monteCarlo = discount * payoff.statistics().hedged().expected() / 100.0;
        double standardError = discount * payoff.standardErrorOfExpectedHedged() / 100.0;
        double blackScholes = BlackScholesMertonEuropeanPricer.DEFAULT.price(
                VanillaOption.put(strikeXsp, expiry), new OptionMarket(SPX / 10, rate, dividend, vol));
        assertThat(standardError).isLessThan(0.01 * blackScholes);
        assertThat(monteCarlo).isCloseTo(blackScholes, within(3.0 * standardError));
    }

    @Test
    void blockSeedsAreDistinctAcrossBlocksAndSeeds() {
        assertThat(JointPathSimulator.blockSeed(1, 0)).isNotEqualTo(JointPathSimulator.blockSeed(1, 1));
        assertThat(JointPathSimulator.blockSeed(1, 1)).isNotEqualTo(JointPathSimulator.blockSeed(2, 0));
    }
}
