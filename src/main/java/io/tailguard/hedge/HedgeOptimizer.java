package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.HedgeStructure;
import io.tailguard.pricing.montecarlo.JointPathSimulator;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.LeveragedEtf;
import io.tailguard.pricing.montecarlo.MonteCarloHedgeStructurePricer;
import io.tailguard.pricing.montecarlo.OptionLeg;
import io.tailguard.pricing.montecarlo.ScenarioSpec;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import io.tailguard.pricing.montecarlo.StudentTDailyReturns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches put strikes x counts (and covered call strikes x counts when allowed) on one set of
 * simulated paths (common random numbers), and picks the structure with the highest expected P&amp;L
 * whose loss measure stays within the tolerance. Legs are valued at the conservative end of the spread:
 * puts bought at the ask, calls sold at the bid.
 */
public final class HedgeOptimizer {
    private final MonteCarloHedgeStructurePricer pricer = MonteCarloHedgeStructurePricer.DEFAULT;

    /** The paths of one roll, generated once; the same seed gives the same paths. */
    public static JointScenarios simulate(HedgeMarket market, WeeklyHedgeConfig.SimulationConfig sim,
            WeeklyHedgeConfig.Underlying underlying, double volatility, int tradingDays, boolean recordDailyPaths) {
        StudentTDailyReturns returns = new StudentTDailyReturns(sim.degreesOfFreedom(), volatility,
                sim.volatilityMultiplier(), sim.annualDrift());
        ScenarioSpec spec = new ScenarioSpec(tradingDays, sim.paths(), sim.seed(), returns,
                new LeveragedEtf(underlying.leverage(), underlying.annualDrag()), recordDailyPaths);
        return JointPathSimulator.DEFAULT.simulateParallel(spec, market.spxSpot(), market.uproSpot());
    }

    public HedgeOptimization optimize(long shares, HedgeMarket market, JointScenarios scenarios, double toleranceUsd,
            LossMeasure measure, SearchBounds bounds, double commissionPerContract) {
        if (shares <= 0) {
            throw new IllegalArgumentException("shares must be positive: " + shares);
        }
        List<HedgeStructure> putStage = new ArrayList<>();
        putStage.add(HedgeStructure.of(shares));
        for (QuotedStrike put : market.xspPuts()) {
            double moneyness = put.strike() / market.xspSpot();
            if (put.ask() <= 0 || moneyness < bounds.putMoneynessMin() || moneyness > bounds.putMoneynessMax()) {
                continue;
            }
            for (int n = 1; n <= bounds.maxPutCount() && n * 100.0 * put.ask() <= bounds.maxPremiumUsd(); n++) {
                putStage.add(HedgeStructure.of(shares, OptionLeg.longXspPut(put.strike(), n, put.ask(),
                        commissionPerContract)));
            }
        }
        List<StructureStatistics> evaluated = new ArrayList<>(pricer.statistics(putStage, scenarios, toleranceUsd));
        int maxCalls = (int) Math.min(bounds.maxCallContracts(), shares / 100);
        if (maxCalls > 0) {
            evaluated.addAll(pricer.statistics(callStage(evaluated, shares, market, bounds, maxCalls, toleranceUsd,
                    measure, commissionPerContract), scenarios, toleranceUsd));
        }
        HedgeDecision decision = decide(evaluated, toleranceUsd, measure);
        return new HedgeOptimization(decision, evaluated, scenarios, toleranceUsd, measure);
    }

    private static List<HedgeStructure> callStage(List<StructureStatistics> puts, long shares, HedgeMarket market,
            SearchBounds bounds, int maxCalls, double tolerance, LossMeasure measure, double commission) {
        Set<Integer> counts = new LinkedHashSet<>();
        for (int j = 1; j <= bounds.callCountSteps(); j++) {
            counts.add(Math.max(1, (int) Math.round((double) maxCalls * j / bounds.callCountSteps())));
        }
        // the bases: the best feasible put structures by expected gain, and the least lossy ones
        List<StructureStatistics> bases = new ArrayList<>();
        puts.stream().filter(s -> measure.of(s.hedged()) >= -tolerance)
                .sorted(Comparator.comparingDouble((StructureStatistics s) -> s.hedged().expected()).reversed())
                .limit(bounds.callStagePuts()).forEach(bases::add);
        puts.stream().sorted(Comparator.comparingDouble((StructureStatistics s) -> measure.of(s.hedged())).reversed())
                .filter(s -> !bases.contains(s)).limit(bounds.callStagePuts()).forEach(bases::add);
        List<HedgeStructure> out = new ArrayList<>();
        for (StructureStatistics base : bases) {
            for (QuotedStrike call : market.uproCalls()) {
                double moneyness = call.strike() / market.uproSpot();
                if (call.bid() <= 0 || moneyness < bounds.callMoneynessMin() || moneyness > bounds.callMoneynessMax()) {
                    continue;
                }
                for (int n : counts) {
                    List<OptionLeg> legs = new ArrayList<>(base.structure().legs());
                    legs.add(OptionLeg.shortUproCall(call.strike(), n, call.bid(), commission));
                    out.add(new HedgeStructure(shares, legs));
                }
            }
        }
        return out;
    }

    static HedgeDecision decide(List<StructureStatistics> evaluated, double tolerance, LossMeasure measure) {
        Comparator<StructureStatistics> byGain = Comparator
                .comparingDouble((StructureStatistics s) -> s.hedged().expected())
                .thenComparing(Comparator.comparingInt(HedgeOptimizer::contracts).reversed());
        var best = evaluated.stream().filter(s -> measure.of(s.hedged()) >= -tolerance).max(byGain);
        if (best.isPresent()) {
            return new HedgeDecision.Chosen(best.get());
        }
        StructureStatistics closest = evaluated.stream()
                .max(Comparator.comparingDouble(s -> measure.of(s.hedged()))).orElseThrow();
        // negating the measure is exact: at this tolerance the closest passes the same test as above
        double feasible = -measure.of(closest.hedged());
        return new HedgeDecision.NoFeasibleHedge(String.format(
                "none of %d structures keeps the %s loss within %.0f USD; the closest reaches %.0f USD",
                evaluated.size(), measure, tolerance, feasible), closest, feasible);
    }

    static int contracts(StructureStatistics s) {
        return s.structure().legs().stream().mapToInt(l -> Math.abs(l.contracts())).sum();
    }
}
