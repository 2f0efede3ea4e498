package io.tailguard.hedge;

import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import io.tailguard.pricing.montecarlo.OptionLeg;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The strike table a trader reads to trust the pick: for each put strike (puts only), the best count
 * within the tolerance, or the least lossy count when none is within it.
 */
public final class StrikeComparison {
    private StrikeComparison() {
    }

    public record Row(double strike, double moneyness, double ask, int contracts, StructureStatistics stats,
            boolean feasible) {
    }

    public static List<Row> of(HedgeOptimization optimization, double xspSpot) {
        Map<Double, List<StructureStatistics>> byStrike = new TreeMap<>();
        for (StructureStatistics s : optimization.evaluated()) {
            List<OptionLeg> legs = s.structure().legs();
            if (legs.size() == 1 && legs.get(0).underlying() == HedgeUnderlying.XSP) {
                byStrike.computeIfAbsent(legs.get(0).strike(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Row> rows = new ArrayList<>();
        byStrike.forEach((strike, list) -> {
            StructureStatistics pick = list.stream().filter(optimization::feasible)
                    .max(Comparator.comparingDouble(s -> s.hedged().expected()))
                    .orElseGet(() -> list.stream().max(Comparator.comparingDouble(
                            s -> optimization.measure().of(s.hedged()))).orElseThrow());
            OptionLeg leg = pick.structure().legs().get(0);
            rows.add(new Row(strike, strike / xspSpot, leg.premiumPerShare(), leg.contracts(), pick,
                    optimization.feasible(pick)));
        });
        return rows;
    }
}
