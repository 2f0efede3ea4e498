package io.tailguard.pricing.montecarlo;

import io.tailguard.pricing.PutCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Evaluates hedge structures at expiry over shared {@link JointScenarios}: P&amp;L per path, then
 * the statistics. Stateless; the scenarios are the market data.
 *
 * <p>P&amp;L on a path = {@code shares * (UPRO_T - UPRO_0)} + for each leg {@code contracts * 100 *
 * intrinsic(level_T)} + the opening cash flow (premiums received less paid, less commissions). XSP
 * settles in cash at {@code max(K - SPX_T/10, 0)}; an in-the-money short UPRO call is assigned, which
 * delivers the shares at the strike: the same P&amp;L as settling at intrinsic value, since the
 * covering shares are marked at {@code UPRO_T}. Premiums are not discounted over the week.
 *
 * <p>{@link #statistics(List, JointScenarios, double)} ranks many candidates in parallel over the
 * candidates; each candidate's numbers come from a fixed-order loop, so results do not depend on the
 * number of threads.
 */
public final class MonteCarloHedgeStructurePricer {

    /** The shared instance; the pricer holds no state. */
    public static final MonteCarloHedgeStructurePricer DEFAULT = new MonteCarloHedgeStructurePricer();

    private MonteCarloHedgeStructurePricer() {
    }

    /** The full P&amp;L distribution of one structure and of its unhedged shares. */
    public PayoffDistribution distribution(HedgeStructure structure, JointScenarios scenarios, double lossToleranceUsd) {
        requireTolerance(lossToleranceUsd);
        int n = scenarios.pathCount();
        double[] hedged = new double[n];
        double[] unhedged = new double[n];
        double[] scratch = new double[n];
        CompiledStructure.of(structure).pnl(scenarios, hedged);
        CompiledStructure.of(structure.unhedged()).pnl(scenarios, unhedged);
        StructureStatistics stats = new StructureStatistics(structure,
                PnlStatistics.of(hedged, n, lossToleranceUsd, scratch),
                PnlStatistics.of(unhedged, n, lossToleranceUsd, scratch));
        return new PayoffDistribution(stats, hedged, unhedged);
    }

    /** Statistics of many candidates on the same paths, in the order given, evaluated in parallel. */
    public List<StructureStatistics> statistics(
            List<HedgeStructure> candidates, JointScenarios scenarios, double lossToleranceUsd) {
        requireTolerance(lossToleranceUsd);
        int n = scenarios.pathCount();
        // the unhedged side depends only on the share count: compute it once per distinct count
        Map<Long, PnlStatistics> unhedgedByShares = new HashMap<>();
        double[] buffer = new double[n];
        double[] scratch = new double[n];
        for (HedgeStructure candidate : candidates) {
            unhedgedByShares.computeIfAbsent(candidate.uproShares(), shares -> {
                CompiledStructure.of(candidate.unhedged()).pnl(scenarios, buffer);
                return PnlStatistics.of(buffer, n, lossToleranceUsd, scratch);
            });
        }
        StructureStatistics[] results = new StructureStatistics[candidates.size()];
        int chunks = Math.min(candidates.size(), 8 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            double[] pnl = new double[n];
            double[] work = new double[n];
            for (int i = chunk; i < results.length; i += chunks) {
                HedgeStructure candidate = candidates.get(i);
                CompiledStructure.of(candidate).pnl(scenarios, pnl);
                PnlStatistics hedged = PnlStatistics.of(pnl, n, lossToleranceUsd, work);
                results[i] = new StructureStatistics(candidate, hedged, unhedgedByShares.get(candidate.uproShares()));
            }
        });
        return List.of(results);
    }

    private static void requireTolerance(double lossToleranceUsd) {
        if (!(lossToleranceUsd >= 0) || !Double.isFinite(lossToleranceUsd)) {
            throw new IllegalArgumentException("lossToleranceUsd must be non-negative and finite: " + lossToleranceUsd);
        }
    }

    /** A structure flattened into primitive arrays for the per-path loop. */
    private record CompiledStructure(
            double shares, double openingCash, boolean[] onIndex, double[] sign, double[] strike, double[] units) {

        static CompiledStructure of(HedgeStructure structure) {
            List<OptionLeg> legs = new ArrayList<>(structure.legs());
            int m = legs.size();
            boolean[] onIndex = new boolean[m];
            double[] sign = new double[m];
            double[] strike = new double[m];
            double[] units = new double[m];
            for (int i = 0; i < m; i++) {
                OptionLeg leg = legs.get(i);
                onIndex[i] = leg.underlying() == HedgeUnderlying.XSP;
                sign[i] = leg.right() == PutCall.CALL ? 1.0 : -1.0;
                strike[i] = leg.strike();
                units[i] = leg.signedUnits();
            }
            return new CompiledStructure(structure.uproShares(), structure.openingCashFlow(), onIndex, sign, strike, units);
        }

        void pnl(JointScenarios scenarios, double[] out) {
            double[] spx = scenarios.spxTerminalArray();
            double[] upro = scenarios.uproTerminalArray();
            double upro0 = scenarios.uproSpot();
            int n = spx.length;
            for (int p = 0; p < n; p++) {
                out[p] = openingCash + shares * (upro[p] - upro0);
            }
            for (int leg = 0; leg < sign.length; leg++) {
                double s = sign[leg];
                double k = strike[leg];
                double u = units[leg];
                if (onIndex[leg]) {
                    for (int p = 0; p < n; p++) {
                        out[p] += u * Math.max(s * (spx[p] * HedgeUnderlying.XSP_PER_SPX - k), 0.0);
                    }
                } else {
                    for (int p = 0; p < n; p++) {
                        out[p] += u * Math.max(s * (upro[p] - k), 0.0);
                    }
                }
            }
        }
    }
}
