package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.HedgeStructure;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.MonteCarloHedgeStructurePricer;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * How the chosen structure (premiums as traded) fares if the week's volatility differs from the implied
 * volatility: the same seed at each volatility, so only the volatility changes between rows.
 */
public final class IvSensitivity {
    private IvSensitivity() {
    }

    public record Row(double volatility, StructureStatistics stats) {
    }

    public static List<Row> of(HedgeStructure chosen, HedgeMarket market, WeeklyHedgeConfig config,
            double[] volatilityScales, double toleranceUsd) {
        List<Row> rows = new ArrayList<>();
        for (double scale : volatilityScales) {
            double vol = market.xspAtmIv() * scale;
            JointScenarios sc = HedgeOptimizer.simulate(market, config.simulation(), config.underlying(), vol,
                    market.tradingDays(), false);
            rows.add(new Row(vol, MonteCarloHedgeStructurePricer.DEFAULT.statistics(List.of(chosen), sc, toleranceUsd)
                    .get(0)));
        }
        return rows;
    }
}
