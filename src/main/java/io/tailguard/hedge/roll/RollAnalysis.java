package io.tailguard.hedge.roll;

import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.proposal.Proposal;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.VolatilityRegime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one roll analysis found: inputs, decision, the proposal (empty when there is nothing to trade),
 * the trader's report, and the time spent per stage in milliseconds.
 *
 * @param holdOut OUT also when the exposure multiplier leaves no share to hold ({@code holdOutSource} says which)
 * @param signals what the roll took from the signal layers, and from where
 * @param position the shares held, the target the exposure multiplier sets, and what the roll sells
 * @param optimization empty when OUT (no hedge is searched)
 * @param tolerance the loss tolerance the optimization was held to; empty when OUT
 */
public record RollAnalysis(
        LocalDate analysisDate, LocalDate executionDate, long shares, double netLiquidation, HoldState holdOut,
        String holdOutSource, RollSignals signals, PositionTarget position, HedgeMarket market,
        Optional<HedgeOptimization> optimization,
        Optional<RollTolerance> tolerance, Optional<Proposal> proposal, String report, List<String> warnings,
        StageTimes times) {

    public RollAnalysis {
        warnings = List.copyOf(warnings);
    }

    /** The volatility regime the roll acted on ({@code signals().regime().source()} says where it came from). */
    public VolatilityRegime regime() {
        return signals.regime().value();
    }

    /** True when the optimizer found a structure within the tolerance. */
    public boolean feasible() {
        return optimization.map(o -> o.decision() instanceof HedgeDecision.Chosen).orElse(false);
    }

    /**
     * When nothing was feasible: the smallest loss tolerance, in whole basis points of the position, at which
     * the optimizer finds a structure on the same paths (see {@link HedgeDecision.NoFeasibleHedge}).
     */
    public Optional<RollTolerance> feasibleTolerance() {
        if (tolerance.isPresent() && optimization.isPresent()
                && optimization.get().decision() instanceof HedgeDecision.NoFeasibleHedge none) {
            return Optional.of(tolerance.get().covering(none.feasibleToleranceUsd()));
        }
        return Optional.empty();
    }

    /** Milliseconds per stage: positions and account, chain pulls, simulation, optimizer, extra analyses. */
    public record StageTimes(long accountMs, long chainMs, long simulationMs, long optimizerMs, long analysesMs) {
        public long totalMs() {
            return accountMs + chainMs + simulationMs + optimizerMs + analysesMs;
        }
    }
}
