package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.StructureStatistics;

/** The optimizer's answer: the chosen structure, or no structure within the tolerance (a value, not an error). */
public sealed interface HedgeDecision {

    /** The structure with the highest expected gain whose loss measure stays within the tolerance. */
    record Chosen(StructureStatistics best) implements HedgeDecision {
    }

    /** Nothing searched keeps the loss within the tolerance; {@code closest} has the smallest loss. */
    record NoFeasibleHedge(String reason, StructureStatistics closest) implements HedgeDecision {
    }
}
