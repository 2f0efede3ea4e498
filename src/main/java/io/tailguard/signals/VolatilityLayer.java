package io.tailguard.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layer 4, volatility regime: the VIX level (above {@code vixStressAbove} is the stress / liquidity regime) and its
 * direction, the term structure from VIX / VIX3M (VIX9D above VIX is noted as a short-end inversion), and the XSP
 * implied volatility, its direction over {@code directionLookbackDays} and its {@link VolatilityRegime} by the
 * configured {@link VolatilityRegimeRule} ({@code ivPeak}: the highest IV of the rule's lookback before today).
 */
public final class VolatilityLayer {
    private VolatilityLayer() {
    }

    public record Result(double vix, double vixLookback, Direction vixDirection, boolean stress, double vix9d,
            double vix3m, double termRatio, TermStructure termStructure, boolean shortEndInverted, double xspIv,
            double xspIvLookback, Direction ivDirection, double ivPeak, VolatilityRegime regime) implements LayerResult {

        @Override
        public LayerDetail detail() {
            Map<String, Double> values = new TreeMap<>();
            values.put("vix", vix);
            values.put("vixLookback", vixLookback);
            values.put("vix9d", vix9d);
            values.put("vix3m", vix3m);
            values.put("vixToVix3m", termRatio);
            values.put("xspIv", xspIv);
            values.put("xspIvLookback", xspIvLookback);
            values.put("xspIvPeak", ivPeak);
            List<String> notes = new ArrayList<>();
            notes.add("VIX " + vixDirection + (stress ? ", stress regime" : ""));
            notes.add("term structure " + termStructure + (shortEndInverted ? ", short end inverted (VIX9D > VIX)" : ""));
            notes.add("XSP IV " + ivDirection);
            return LayerDetail.of(regime.name(), values, notes);
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.Volatility config) {
        int lookback = config.directionLookbackDays();
        Outcome<List<Observation>> vix = data.recent(SignalSeries.VIX, lookback + 1);
        Outcome<Observation> vix9d = data.latest(SignalSeries.VIX9D);
        Outcome<Observation> vix3m = data.latest(SignalSeries.VIX3M);
        VolatilityRegimeRule rule = config.regime();
        Outcome<List<Observation>> iv = data.recent(SignalSeries.XSP_IV,
                Math.max(lookback, rule.fallingLookbackDays()) + 1);
        if (!Outcomes.allKnown(vix, vix9d, vix3m, iv)) {
            return Outcome.unknown(Outcomes.reasons(vix, vix9d, vix3m, iv));
        }
        List<Observation> vixHistory = vix.value();
        double vixNow = vixHistory.get(vixHistory.size() - 1).value();
        double vixThen = vixHistory.get(0).value();
        double ratio = vixNow / vix3m.value().value();
        TermStructure term = ratio > config.termInvertedRatioAbove() ? TermStructure.INVERTED
                : ratio < config.termContangoRatioBelow() ? TermStructure.CONTANGO : TermStructure.FLAT;

        List<Observation> ivHistory = iv.value();
        double ivNow = ivHistory.get(ivHistory.size() - 1).value();
        double ivThen = ivHistory.get(ivHistory.size() - 1 - lookback).value();
        Direction ivDirection = Direction.between(ivThen, ivNow, config.ivDirectionTolerance());
        List<Double> preceding = ivHistory.subList(0, ivHistory.size() - 1).stream().map(Observation::value).toList();
        VolatilityRegime regime = rule.classify(ivNow, preceding);
        double peak = rule.peak(preceding);
        return Outcome.known(new Result(vixNow, vixThen, Direction.between(vixThen, vixNow, 0.0),
                vixNow > config.vixStressAbove(), vix9d.value().value(), vix3m.value().value(), ratio, term,
                vix9d.value().value() > vixNow, ivNow, ivThen, ivDirection, peak, regime));
    }
}
