package io.tailguard.hedge.roll;

import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.IvRegime;
import io.tailguard.orders.Proposal;
import io.tailguard.signals.HoldState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one roll analysis found: inputs, decision, the proposal (empty when there is nothing to trade),
 * the trader's report, and the time spent per stage in milliseconds.
 *
 * @param optimization empty when OUT (no hedge is searched)
 */
public record RollAnalysis(
        LocalDate analysisDate, LocalDate executionDate, long shares, double netLiquidation, HoldState holdOut,
        String holdOutSource, IvRegime regime, HedgeMarket market, Optional<HedgeOptimization> optimization,
        Optional<Proposal> proposal, String report, List<String> warnings, StageTimes times) {

    public RollAnalysis {
        warnings = List.copyOf(warnings);
    }

    /** Milliseconds per stage: positions and account, chain pulls, simulation, optimizer, extra analyses. */
    public record StageTimes(long accountMs, long chainMs, long simulationMs, long optimizerMs, long analysesMs) {
        public long totalMs() {
            return accountMs + chainMs + simulationMs + optimizerMs + analysesMs;
        }
    }
}
