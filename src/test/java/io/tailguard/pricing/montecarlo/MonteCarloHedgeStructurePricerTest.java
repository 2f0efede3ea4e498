package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloHedgeStructurePricerTest {

    private static final MonteCarloHedgeStructurePricer PRICER = MonteCarloHedgeStructurePricer.DEFAULT;
    private static final double SPX = 5800.0;
    private static final double XSP = SPX * HedgeUnderlying.XSP_PER_SPX;
    private static final double UPRO = 90.0;
    private static final double TOLERANCE_USD = 5_000.0;
    /** Rounding of P&amp;L sums of order 1e5 USD. */
    private static final double MONEY_ROUNDING = 1e-6;

    private static JointScenarios scenarios(int days, int paths, double drag) {
        // fat tails and a stressed volatility, so that many paths end far below the put strikes
        StudentTDailyReturns returns = StudentTDailyReturns.of(3.0, 0.35).withVolatilityMultiplier(2.0);
        return JointPathSimulator.DEFAULT.simulate(
                ScenarioSpec.of(days, paths, 2024, returns, LeveragedEtf.upro(drag)), SPX, UPRO);
    }

    @Test
    void puttedPositionNeverLosesMoreThanItsAnalyticWorstCaseOverOneDay() {
        // Over one day UPRO_T = UPRO_0 (1 + 3r - d) and XSP_T = XSP_0 (1 + r). With 100 c XSP_0 >= 3 N UPRO_0
        // the puts cover the leveraged delta, so below the strike P&L rises as the index falls; the worst
        // case is the index exactly at the strike:
        //   N UPRO_0 (3 (K/XSP_0 - 1) - d) + opening cash flow.
        long shares = 1_000;
        double strike = 565.0;
        int contracts = 5; // 100 * 5 * 580 = 290,000 >= 3 * 1,000 * 90 = 270,000
        double premium = 2.10;
        double commission = 0.65;
        double annualDrag = 0.05;
        HedgeStructure structure = HedgeStructure.of(shares, OptionLeg.longXspPut(strike, contracts, premium, commission));
        JointScenarios paths = scenarios(1, 200_000, annualDrag);
        double dailyDrag = annualDrag / DailyReturnModel.TRADING_DAYS_PER_YEAR;
        double analyticWorst = shares * UPRO * (3.0 * (strike / XSP - 1.0) - dailyDrag) + structure.openingCashFlow();

        PayoffDistribution result = PRICER.distribution(structure, paths, TOLERANCE_USD);

        assertThat(result.statistics().hedged().worst()).isGreaterThanOrEqualTo(analyticWorst - MONEY_ROUNDING);
        // and the bound is tight: some path ends near the strike
        assertThat(result.statistics().hedged().worst()).isLessThan(analyticWorst + 200.0);
        // the unhedged shares lose far more in the same scenarios
        assertThat(result.statistics().unhedged().worst()).isLessThan(analyticWorst - 10_000);
    }

    @Test
    void coveredCallCapsTheUpsideAtTheStrikeOnEveryPath() {
        long shares = 500;
        double callStrike = 95.0;
        double premium = 1.30;
        HedgeStructure covered = HedgeStructure.of(shares, OptionLeg.shortUproCall(callStrike, 5, premium, 0.65));
        JointScenarios paths = scenarios(5, 50_000, 0.03);
        PayoffDistribution result = PRICER.distribution(covered, paths, TOLERANCE_USD);
        // assigned: the shares leave at the strike, so the position is worth at most the strike
        double analyticBest = shares * (callStrike - UPRO) + covered.openingCashFlow();
        assertThat(result.statistics().hedged().best()).isLessThanOrEqualTo(analyticBest + MONEY_ROUNDING);
        assertThat(result.statistics().hedged().best()).isCloseTo(analyticBest, within(MONEY_ROUNDING));
        for (int p = 0; p < paths.pathCount(); p++) {
            double expected = shares * (Math.min(paths.uproTerminal(p), callStrike) - UPRO) + covered.openingCashFlow();
            assertThat(result.hedgedPnl(p)).isCloseTo(expected, within(MONEY_ROUNDING));
        }
    }

    @Test
    void collarLossesAreBoundedByThePutAndGainsByTheCallOverOneDay() {
        long shares = 1_000;
        HedgeStructure collar = HedgeStructure.of(shares,
                OptionLeg.longXspPut(570.0, 5, 1.80, 0.65),
                OptionLeg.shortUproCall(96.0, 10, 0.90, 0.65));
        JointScenarios paths = scenarios(1, 100_000, 0.0);
        PayoffDistribution result = PRICER.distribution(collar, paths, TOLERANCE_USD);
        double worst = shares * UPRO * 3.0 * (570.0 / XSP - 1.0) + collar.openingCashFlow();
        // wherever the puts expire worthless, the called-away shares cap the gain at the call strike
        double capped = shares * (96.0 - UPRO) + collar.openingCashFlow();
        assertThat(result.statistics().hedged().worst()).isGreaterThanOrEqualTo(worst - MONEY_ROUNDING);
        int abovePutStrike = 0;
        for (int p = 0; p < paths.pathCount(); p++) {
            if (paths.spxTerminal(p) * HedgeUnderlying.XSP_PER_SPX >= 570.0) {
                assertThat(result.hedgedPnl(p)).isLessThanOrEqualTo(capped + MONEY_ROUNDING);
                abovePutStrike++;
            }
        }
        assertThat(abovePutStrike).isGreaterThan(paths.pathCount() / 2);
    }

    @Test
    void unhedgedSideIsTheSharesAloneOnTheSamePaths() {
        JointScenarios paths = scenarios(5, 20_000, 0.03);
        HedgeStructure structure = HedgeStructure.of(800, OptionLeg.longXspPut(560.0, 4, 1.5, 0.65));
        PayoffDistribution result = PRICER.distribution(structure, paths, TOLERANCE_USD);
        for (int p = 0; p < paths.pathCount(); p++) {
            assertThat(result.unhedgedPnl(p)).isEqualTo(800 * (paths.uproTerminal(p) - UPRO));
        }
        PnlStatistics sharesOnly = PRICER.distribution(structure.unhedged(), paths, TOLERANCE_USD).statistics().hedged();
        assertThat(result.statistics().unhedged()).isEqualTo(sharesOnly);
    }

    @Test
    void statisticsFollowTheirDefinitionsOnTheSortedSample() {
        JointScenarios paths = scenarios(5, 30_001, 0.03);
        HedgeStructure structure = HedgeStructure.of(1_000, OptionLeg.longXspPut(560.0, 5, 1.5, 0.65));
        PayoffDistribution result = PRICER.distribution(structure, paths, TOLERANCE_USD);
        double[] sorted = result.sortedHedgedPnl();
        int n = sorted.length;
        int k = (int) Math.ceil(0.05 * n);
        PnlStatistics stats = result.statistics().hedged();
        assertThat(stats.percentile5()).isEqualTo(sorted[k - 1]);
        assertThat(stats.cvar5()).isCloseTo(Arrays.stream(sorted, 0, k).average().orElseThrow(), within(MONEY_ROUNDING));
        assertThat(stats.worst()).isEqualTo(sorted[0]);
        assertThat(stats.best()).isEqualTo(sorted[n - 1]);
        assertThat(stats.expected()).isCloseTo(Arrays.stream(sorted).average().orElseThrow(), within(MONEY_ROUNDING));
        assertThat(stats.winRatio()).isEqualTo(Arrays.stream(sorted).filter(v -> v > 0).count() / (double) n);
        assertThat(stats.probabilityOfLossBeyondTolerance())
                .isEqualTo(Arrays.stream(sorted).filter(v -> v < -TOLERANCE_USD).count() / (double) n);
    }

    @Test
    void evaluatingManyCandidatesGivesTheSameNumbersAsOneByOne() {
        JointScenarios paths = scenarios(5, 20_000, 0.03);
        List<HedgeStructure> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(HedgeStructure.of(1_000 + 100L * (i % 3),
                    OptionLeg.longXspPut(550.0 + i, 1 + i % 6, 1.0 + 0.05 * i, 0.65),
                    OptionLeg.shortUproCall(92.0 + 0.5 * i, 1 + i % 5, 0.8, 0.65)));
        }
        List<StructureStatistics> all = PRICER.statistics(candidates, paths, TOLERANCE_USD);
        assertThat(all).hasSize(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            assertThat(all.get(i)).isEqualTo(PRICER.distribution(candidates.get(i), paths, TOLERANCE_USD).statistics());
        }
    }

    @Test
    void hedgingTradesExpectedGainForASmallerTail() {
        JointScenarios paths = scenarios(5, 50_000, 0.03);
        HedgeStructure structure = HedgeStructure.of(1_000, OptionLeg.longXspPut(570.0, 5, 3.0, 0.65));
        StructureStatistics stats = PRICER.distribution(structure, paths, TOLERANCE_USD).statistics();
        assertThat(stats.hedged().cvar5()).isGreaterThan(stats.unhedged().cvar5());
        assertThat(stats.hedged().probabilityOfLossBeyondTolerance())
                .isLessThan(stats.unhedged().probabilityOfLossBeyondTolerance());
    }
}
