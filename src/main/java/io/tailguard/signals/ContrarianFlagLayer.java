package io.tailguard.signals;

import io.tailguard.signals.SignalSeries.Fundamental;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layer 2b, contrarian flag. A configured "hyped AI" name whose research and development spending is below
 * {@code rndToRevenueBelow} of revenue is flagged as a short candidate. Flags become proposals only; nothing is
 * shorted without the trader's approval.
 */
public final class ContrarianFlagLayer {
    private ContrarianFlagLayer() {
    }

    public record Result(Map<String, Double> rndToRevenue, List<String> flagged, Map<String, String> unscored)
            implements LayerResult {
        public Result {
            rndToRevenue = Map.copyOf(rndToRevenue);
            flagged = List.copyOf(flagged);
            unscored = Map.copyOf(unscored);
        }

        @Override
        public LayerDetail detail() {
            Map<String, Double> values = new TreeMap<>();
            rndToRevenue.forEach((t, r) -> values.put(t + ".rndToRevenue", r));
            List<String> notes = new ArrayList<>();
            notes.add("flagged: " + (flagged.isEmpty() ? "none" : String.join(", ", flagged)));
            new TreeMap<>(unscored).forEach((t, why) -> notes.add(t + " unscored: " + why));
            return LayerDetail.of(flagged.isEmpty() ? "NONE_FLAGGED" : "FLAGGED", values, notes);
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.Contrarian config) {
        Map<String, Double> ratios = new TreeMap<>();
        Map<String, String> unscored = new TreeMap<>();
        List<String> flagged = new ArrayList<>();
        for (SignalLayersConfig.Company company : config.aiNames()) {
            String ticker = company.ticker();
            Outcome<AnnualFundamentals> figures = AnnualFundamentals.read(data, ticker, Fundamental.REVENUE,
                    Fundamental.RESEARCH_AND_DEVELOPMENT);
            if (figures instanceof Outcome.Unknown<AnnualFundamentals> unknown) {
                unscored.put(ticker, unknown.reason());
                continue;
            }
            double revenue = figures.value().get(Fundamental.REVENUE);
            if (revenue <= 0) {
                unscored.put(ticker, "non-positive revenue " + revenue);
                continue;
            }
            double ratio = figures.value().get(Fundamental.RESEARCH_AND_DEVELOPMENT) / revenue;
            ratios.put(ticker, ratio);
            if (ratio < config.rndToRevenueBelow()) {
                flagged.add(ticker);
            }
        }
        if (ratios.isEmpty() && !unscored.isEmpty()) {
            return Outcome.unknown("no AI name could be scored: " + String.join("; ",
                    unscored.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        flagged.sort(null);
        return Outcome.known(new Result(ratios, flagged, unscored));
    }
}
