package io.tailguard.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layer 3b, duration barbell in a dovish pivot. A pivot is a next-meeting cut probability at or above
 * {@code cutProbabilityAtLeast} while the 10-year yield is lower than {@code yieldFallingLookbackDays} observations
 * ago; it proposes short-duration value (utilities, healthcare) with long-duration tech calls.
 */
public final class DurationBarbellLayer {
    private DurationBarbellLayer() {
    }

    public record Result(double nextMeetingCutProbability, double yieldChangePct, boolean dovishPivot)
            implements LayerResult {
        @Override
        public LayerDetail detail() {
            return LayerDetail.of(dovishPivot ? "DOVISH_PIVOT" : "NO_PIVOT", Map.of(
                    "nextMeetingCutProbability", nextMeetingCutProbability, "yieldChangePct", yieldChangePct), List.of());
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.DurationBarbell config,
            SignalLayersConfig.RateSensitivity rates) {
        Outcome<Observation> cut = data.latest(SignalSeries.NEXT_MEETING_CUT_PROBABILITY);
        Outcome<List<Observation>> yields = data.recent(rates.yieldSeriesId(), config.yieldFallingLookbackDays() + 1);
        if (!Outcomes.allKnown(cut, yields)) {
            return Outcome.unknown(Outcomes.reasons(cut, yields));
        }
        List<Observation> y = yields.value();
        double change = (y.get(y.size() - 1).value() - y.get(0).value()) * rates.yieldScale();
        double probability = cut.value().value();
        return Outcome.known(new Result(probability, change,
                probability >= config.cutProbabilityAtLeast() && change < 0));
    }

    static List<CandidateTrade> candidates(Result result, SignalLayersConfig.DurationBarbell config) {
        if (!result.dovishPivot()) {
            return List.of();
        }
        List<CandidateTrade.Leg> legs = new ArrayList<>();
        for (String symbol : config.shortDurationValueSymbols()) {
            legs.add(new CandidateTrade.Leg(CandidateTrade.Side.LONG, CandidateTrade.Instrument.STOCK, symbol));
        }
        legs.add(new CandidateTrade.Leg(CandidateTrade.Side.LONG, CandidateTrade.Instrument.CALL,
                config.longDurationCallSymbol()));
        return List.of(new CandidateTrade(LayerName.DURATION_BARBELL, legs, String.format(
                "dovish pivot: next-meeting cut probability %.0f%%, 10-year yield %+.2f pp: short-duration value with "
                        + "long-duration tech calls", 100 * result.nextMeetingCutProbability(), result.yieldChangePct())));
    }
}
