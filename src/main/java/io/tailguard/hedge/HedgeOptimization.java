package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import java.util.List;

/**
 * Everything one optimization produced: the decision, every candidate evaluated (for the strike
 * table), the shared scenarios (for the payout chart) and the constraint applied.
 */
public record HedgeOptimization(
        HedgeDecision decision, List<StructureStatistics> evaluated, JointScenarios scenarios,
        double toleranceUsd, LossMeasure measure) {

    public HedgeOptimization {
        evaluated = List.copyOf(evaluated);
    }

    public boolean feasible(StructureStatistics s) {
        return measure.of(s.hedged()) >= -toleranceUsd;
    }

    public int candidateCount() {
        return evaluated.size();
    }
}
