package io.tailguard.signals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Layer 1a, rate sensitivity. Each holding's sensitivity is minus the least-squares slope of its daily return (in
 * percent) on the daily change of the 10-year yield (in tenths of a percentage point, 10 bp), over the last
 * {@code windowDays} common dates: a holding that loses 2% when the yield rises 10 bp scores 2.0. When the yield is
 * above {@code yieldAbovePct} and higher than {@code risingLookbackDays} observations ago, the target exposure of
 * every holding scoring above {@code highSensitivityAbove} is multiplied by {@code exposureMultiplier}.
 */
public final class RateSensitivityLayer {
    private RateSensitivityLayer() {
    }

    public record Result(double yieldPct, double yieldLookbackPct, boolean pressure, Map<String, Double> sensitivity,
            Map<String, String> unscored, Map<String, Double> exposureMultipliers) implements LayerResult {
        public Result {
            sensitivity = Map.copyOf(sensitivity);
            unscored = Map.copyOf(unscored);
            exposureMultipliers = Map.copyOf(exposureMultipliers);
        }

        /** The multiplier for a holding's target exposure; unknown when the holding could not be scored. */
        public Outcome<Double> exposureMultiplier(String symbol) {
            Double multiplier = exposureMultipliers.get(symbol);
            if (multiplier != null) {
                return Outcome.known(multiplier);
            }
            return Outcome.unknown("rate sensitivity of " + symbol + " unknown: "
                    + unscored.getOrDefault(symbol, symbol + " is not a configured holding"));
        }

        @Override
        public LayerDetail detail() {
            Map<String, Double> values = new TreeMap<>();
            values.put("yieldPct", yieldPct);
            values.put("yieldLookbackPct", yieldLookbackPct);
            sensitivity.forEach((symbol, beta) -> values.put(symbol + ".sensitivity", beta));
            exposureMultipliers.forEach((symbol, m) -> values.put(symbol + ".exposureMultiplier", m));
            List<String> notes = new ArrayList<>();
            new TreeMap<>(unscored).forEach((symbol, why) -> notes.add(symbol + " unscored: " + why));
            return LayerDetail.of(pressure ? "RATE_PRESSURE" : "NORMAL", values, notes);
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.RateSensitivity config) {
        SeriesId yieldId = config.yieldSeriesId();
        int needed = config.risingLookbackDays() + 1;
        Outcome<List<Observation>> yields = data.upTo(yieldId, Math.max(needed, 2 * (config.windowDays() + 1)));
        if (yields instanceof Outcome.Unknown<List<Observation>> unknown) {
            return Outcome.unknown(unknown.reason());
        }
        List<Observation> yieldHistory = yields.value();
        if (yieldHistory.size() < needed) {
            return Outcome.unknown("only " + yieldHistory.size() + " observations of " + yieldId + " available on "
                    + data.asOf() + ", need " + needed + " to tell whether it is rising");
        }
        double now = yieldHistory.get(yieldHistory.size() - 1).value() * config.yieldScale();
        double then = yieldHistory.get(yieldHistory.size() - 1 - config.risingLookbackDays()).value() * config.yieldScale();
        boolean pressure = now > config.yieldAbovePct() && now > then;

        Map<String, Double> sensitivity = new HashMap<>();
        Map<String, String> unscored = new HashMap<>();
        Map<String, Double> multipliers = new HashMap<>();
        for (String holding : new TreeSet<>(config.holdings())) {
            Outcome<Double> beta = sensitivity(data, holding, yieldHistory, config);
            if (beta instanceof Outcome.Known<Double> known) {
                sensitivity.put(holding, known.value());
                boolean high = known.value() > config.highSensitivityAbove();
                multipliers.put(holding, pressure && high ? config.exposureMultiplier() : 1.0);
            } else {
                unscored.put(holding, beta.reasonOrEmpty());
            }
        }
        return Outcome.known(new Result(now, then, pressure, sensitivity, unscored, multipliers));
    }

    private static Outcome<Double> sensitivity(PointInTimeData data, String holding, List<Observation> yieldHistory,
            SignalLayersConfig.RateSensitivity config) {
        int points = config.windowDays() + 1;
        Outcome<List<Observation>> bars = data.upTo(SignalSeries.bar(holding), 2 * points);
        if (bars instanceof Outcome.Unknown<List<Observation>> unknown) {
            return Outcome.unknown(unknown.reason());
        }
        Map<LocalDate, Double> yieldByDate = new HashMap<>();
        yieldHistory.forEach(o -> yieldByDate.put(o.observedOn(), o.value() * config.yieldScale()));
        List<double[]> common = new ArrayList<>();
        for (Observation bar : bars.value()) {
            Double y = yieldByDate.get(bar.observedOn());
            if (y != null) {
                common.add(new double[] {bar.value(), y});
            }
        }
        if (common.size() < points) {
            return Outcome.unknown(holding + " and " + config.yieldSeries() + " share only " + common.size()
                    + " dates in the window, need " + points);
        }
        common = common.subList(common.size() - points, common.size());
        int n = common.size() - 1;
        double[] returnsPct = new double[n];
        double[] yieldChanges10bp = new double[n];
        for (int i = 0; i < n; i++) {
            returnsPct[i] = 100.0 * (common.get(i + 1)[0] / common.get(i)[0] - 1.0);
            yieldChanges10bp[i] = 10.0 * (common.get(i + 1)[1] - common.get(i)[1]);
        }
        double meanR = mean(returnsPct);
        double meanY = mean(yieldChanges10bp);
        double cov = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            cov += (returnsPct[i] - meanR) * (yieldChanges10bp[i] - meanY);
            var += (yieldChanges10bp[i] - meanY) * (yieldChanges10bp[i] - meanY);
        }
        if (var == 0) {
            return Outcome.unknown(config.yieldSeries() + " did not move in the window; sensitivity undefined");
        }
        return Outcome.known(-cov / var);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
