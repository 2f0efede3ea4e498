package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.StructureStatistics;

/** The optimizer's answer: the chosen structure, or no structure within the tolerance (a value, not an error). */
public sealed interface HedgeDecision {

    /** The structure with the highest expected gain whose loss measure stays within the tolerance. */
    record Chosen(StructureStatistics best) implements HedgeDecision {
    }

    /**
     * Nothing searched keeps the loss within the tolerance; {@code closest} has the smallest loss.
     *
     * @param feasibleToleranceUsd the smallest tolerance (USD, same measure, same paths) at which the optimizer
     *     finds a structure: the closest one's loss. Below it the search is the same as at the tolerance
     *     asked for (no put is feasible, so the covered calls are tried on the least lossy puts either way),
     *     and every candidate loses more; at it, the closest passes.
     */
    record NoFeasibleHedge(String reason, StructureStatistics closest, double feasibleToleranceUsd)
            implements HedgeDecision {
        public NoFeasibleHedge {
            if (!(feasibleToleranceUsd > 0) || !Double.isFinite(feasibleToleranceUsd)) {
                throw new IllegalArgumentException("feasibleToleranceUsd must be positive and finite: "
                        + feasibleToleranceUsd);
            }
        }
    }
}
