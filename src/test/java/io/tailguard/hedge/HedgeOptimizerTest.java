package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.pricing.PutCall;
import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.OptionLeg;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HedgeOptimizerTest {
    private static final long SHARES = 4000;
    private static final int PATHS = 20_000;
    private final HedgeOptimizer optimizer = new HedgeOptimizer();

    private HedgeOptimization run(double iv, double toleranceUsd, SearchBounds bounds, long seed) {
        HedgeMarket market = HedgeFixtures.market(iv);
        WeeklyHedgeConfig config = HedgeFixtures.config(PATHS);
        WeeklyHedgeConfig.SimulationConfig sim = new WeeklyHedgeConfig.SimulationConfig(PATHS, seed, 4, 1, 0.07, 0.65);
        JointScenarios sc = HedgeOptimizer.simulate(market, sim, config.underlying(), iv, 5, false);
        return optimizer.optimize(SHARES, market, sc, toleranceUsd, LossMeasure.P5, bounds, 0.65);
    }

    @Test
    void choosesAStructureWhoseLossStaysWithinTheTolerance() {
        double tolerance = 0.04 * SHARES * HedgeFixtures.UPRO;
        HedgeOptimization o = run(0.12, tolerance, SearchBounds.putsOnly(0.93, 1.0, 25), 1);

        assertThat(o.decision()).isInstanceOf(HedgeDecision.Chosen.class);
        StructureStatistics best = ((HedgeDecision.Chosen) o.decision()).best();
        assertThat(best.hedged().percentile5()).isGreaterThanOrEqualTo(-tolerance);
        assertThat(best.unhedged().percentile5()).isLessThan(-tolerance);
        assertThat(best.structure().legs()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.underlying()).isEqualTo(HedgeUnderlying.XSP);
            assertThat(l.right()).isEqualTo(PutCall.PUT);
        });
        // nothing feasible has a higher expected gain
        assertThat(o.evaluated()).filteredOn(o::feasible)
                .allSatisfy(s -> assertThat(s.hedged().expected()).isLessThanOrEqualTo(best.hedged().expected()));
    }

    @Test
    void pricesPutsAtTheAskAndCallsAtTheBid() {
        HedgeMarket market = HedgeFixtures.market(0.20);
        HedgeOptimization o = run(0.20, 0.06 * SHARES * 80, new SearchBounds(0.93, 1.0, 20, 1.01, 1.12, 40, 4, 5), 1);
        for (StructureStatistics s : o.evaluated()) {
            for (OptionLeg leg : s.structure().legs()) {
                QuotedStrike q = (leg.underlying() == HedgeUnderlying.XSP ? market.xspPuts() : market.uproCalls())
                        .stream().filter(x -> x.strike() == leg.strike()).findFirst().orElseThrow();
                assertThat(leg.premiumPerShare()).isEqualTo(leg.isShort() ? q.bid() : q.ask());
            }
        }
    }

    @Test
    void neverSellsMoreCallsThanTheSharesCover() {
        HedgeOptimization o = run(0.20, 0.06 * SHARES * 80, new SearchBounds(0.93, 1.0, 20, 1.01, 1.12, 1000, 4, 5), 1);

        assertThat(o.evaluated()).anySatisfy(s -> assertThat(s.structure().legs())
                .anyMatch(l -> l.underlying() == HedgeUnderlying.UPRO));
        assertThat(o.evaluated()).allSatisfy(s -> assertThat(s.structure().legs().stream()
                .filter(l -> l.underlying() == HedgeUnderlying.UPRO).mapToInt(l -> -l.contracts()).sum() * 100L)
                .isLessThanOrEqualTo(SHARES));
    }

    @Test
    void callsAreSearchedOnlyWhenAllowed() {
        HedgeOptimization o = run(0.20, 0.06 * SHARES * 80, SearchBounds.putsOnly(0.93, 1.0, 20), 1);

        assertThat(o.evaluated()).isNotEmpty().allSatisfy(s -> assertThat(s.structure().legs())
                .noneMatch(l -> l.underlying() == HedgeUnderlying.UPRO));
    }

    @Test
    void reportsNoFeasibleHedgeAsAValueWhenTheToleranceCannotBeMet() {
        HedgeOptimization o = run(0.30, 100, SearchBounds.putsOnly(0.93, 1.0, 25), 1);

        assertThat(o.decision()).isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
        HedgeDecision.NoFeasibleHedge none = (HedgeDecision.NoFeasibleHedge) o.decision();
        assertThat(none.closest().hedged().percentile5()).isLessThan(-100);
        assertThat(o.evaluated()).isNotEmpty().allSatisfy(s -> assertThat(s.hedged().percentile5())
                .isLessThanOrEqualTo(none.closest().hedged().percentile5()));
    }

    @Test
    void isDeterministicForASeed() {
        double tolerance = 0.04 * SHARES * HedgeFixtures.UPRO;
        HedgeOptimization a = run(0.12, tolerance, SearchBounds.putsOnly(0.93, 1.0, 25), 42);
        HedgeOptimization b = run(0.12, tolerance, SearchBounds.putsOnly(0.93, 1.0, 25), 42);

        assertThat(((HedgeDecision.Chosen) a.decision()).best())
                .isEqualTo(((HedgeDecision.Chosen) b.decision()).best());
    }

    @Test
    void aWiderToleranceNeverLowersTheExpectedGain() {
        double tight = 0.04 * SHARES * HedgeFixtures.UPRO;
        HedgeOptimization a = run(0.12, tight, SearchBounds.putsOnly(0.93, 1.0, 25), 3);
        HedgeOptimization b = run(0.12, 2 * tight, SearchBounds.putsOnly(0.93, 1.0, 25), 3);

        assertThat(((HedgeDecision.Chosen) b.decision()).best().hedged().expected())
                .isGreaterThanOrEqualTo(((HedgeDecision.Chosen) a.decision()).best().hedged().expected());
    }

    @Test
    void neverSearchesPutsDearerThanThePremiumCap() {
        HedgeOptimization o = run(0.12, 0.04 * SHARES * HedgeFixtures.UPRO,
                SearchBounds.putsOnly(0.93, 1.0, 25).withMaxPremiumUsd(2000), 1);

        assertThat(o.evaluated()).isNotEmpty().allSatisfy(s -> assertThat(s.structure().legs().stream()
                .filter(l -> !l.isShort()).mapToDouble(l -> l.contracts() * 100.0 * l.premiumPerShare()).sum())
                .isLessThanOrEqualTo(2000));
    }

    /** Puts only, or puts with covered calls (where the call stage's bases depend on the tolerance). */
    private static SearchBounds bounds(boolean calls) {
        return calls ? new SearchBounds(0.93, 1.0, 20, 1.01, 1.12, 40, 4, 5) : SearchBounds.putsOnly(0.93, 1.0, 20);
    }

    @ParameterizedTest(name = "covered calls searched: {0}")
    @ValueSource(booleans = {false, true})
    void theReportedFeasibleToleranceFindsAStructureAndJustBelowItNoneIs(boolean calls) {
        HedgeOptimization tight = run(0.20, 0.005 * SHARES * HedgeFixtures.UPRO, bounds(calls), 5);
        assertThat(tight.decision()).isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
        HedgeDecision.NoFeasibleHedge none = (HedgeDecision.NoFeasibleHedge) tight.decision();
        double feasible = none.feasibleToleranceUsd();
        assertThat(feasible).isGreaterThan(tight.toleranceUsd());

        HedgeOptimization at = run(0.20, feasible, bounds(calls), 5);
        HedgeOptimization below = run(0.20, Math.nextDown(feasible), bounds(calls), 5);

        assertThat(at.decision()).isInstanceOf(HedgeDecision.Chosen.class);
        assertThat(LossMeasure.P5.of(((HedgeDecision.Chosen) at.decision()).best().hedged())).isEqualTo(-feasible);
        assertThat(below.decision()).isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
        assertThat(((HedgeDecision.NoFeasibleHedge) below.decision()).feasibleToleranceUsd()).isEqualTo(feasible);
    }

    @Test
    void theFeasibleFractionOfThePositionPassesAndOneBasisPointLessDoesNot() {
        RollTolerance strategy = new RollTolerance(0.005, SHARES * HedgeFixtures.UPRO, 1.0);
        HedgeOptimization tight = run(0.20, strategy.usd(), bounds(true), 9);
        RollTolerance feasible = strategy.covering(
                ((HedgeDecision.NoFeasibleHedge) tight.decision()).feasibleToleranceUsd());
        long bp = Math.round(feasible.fractionOfPosition() * 10_000);
        RollTolerance oneLess = new RollTolerance((bp - 1) / 10_000.0, strategy.positionUsd(), 1.0);

        assertThat(run(0.20, feasible.usd(), bounds(true), 9).decision()).isInstanceOf(HedgeDecision.Chosen.class);
        assertThat(run(0.20, oneLess.usd(), bounds(true), 9).decision())
                .isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
    }

    @Test
    void coveredCallsBringAWeekThatPutsAloneCannotHedgeWithinTheTolerance() {
        // mid-teens IV: a full week of at-the-money puts costs about the whole 2.7% tolerance
        double tolerance = 0.027 * SHARES * HedgeFixtures.UPRO;
        HedgeOptimization putsOnly = run(0.16, tolerance, SearchBounds.putsOnly(0.93, 1.0, 20), 11);
        HedgeOptimization withCalls = run(0.16, tolerance, new SearchBounds(0.93, 1.0, 20, 1.01, 1.12, 20, 4, 10), 11);

        assertThat(putsOnly.decision()).isInstanceOf(HedgeDecision.NoFeasibleHedge.class);
        assertThat(withCalls.decision()).isInstanceOf(HedgeDecision.Chosen.class);
        StructureStatistics best = ((HedgeDecision.Chosen) withCalls.decision()).best();
        assertThat(best.structure().legs()).anyMatch(l -> l.underlying() == HedgeUnderlying.UPRO && l.isShort());
        assertThat(best.structure().legs().stream().filter(l -> l.underlying() == HedgeUnderlying.UPRO)
                .mapToInt(l -> -l.contracts()).sum()).isLessThanOrEqualTo(20);
    }
}
