package io.tailguard.signals;

import java.util.List;
import java.util.Map;

/**
 * Layer 3a, steepener setup: when the market-implied probability that Fed cuts are delayed (CME FedWatch, copied
 * by the trader) is above {@code delayedCutProbabilityAbove}, propose long regional banks / short unprofitable tech.
 */
public final class SteepenerSetupLayer {
    private SteepenerSetupLayer() {
    }

    public record Result(double delayedCutProbability, boolean active) implements LayerResult {
        @Override
        public LayerDetail detail() {
            return LayerDetail.of(active ? "ACTIVE" : "INACTIVE",
                    Map.of("delayedCutProbability", delayedCutProbability), List.of());
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.Steepener config) {
        return data.latest(SignalSeries.DELAYED_CUT_PROBABILITY).map(o ->
                new Result(o.value(), o.value() > config.delayedCutProbabilityAbove()));
    }

    static List<CandidateTrade> candidates(Result result, SignalLayersConfig.Steepener config) {
        if (!result.active()) {
            return List.of();
        }
        return List.of(new CandidateTrade(LayerName.STEEPENER_SETUP, List.of(
                new CandidateTrade.Leg(CandidateTrade.Side.LONG, CandidateTrade.Instrument.STOCK, config.longSymbol()),
                new CandidateTrade.Leg(CandidateTrade.Side.SHORT, CandidateTrade.Instrument.STOCK, config.shortSymbol())),
                String.format("delayed-cut probability %.0f%% above %.0f%%: long regional banks, short unprofitable tech",
                        100 * result.delayedCutProbability(), 100 * config.delayedCutProbabilityAbove())));
    }
}
