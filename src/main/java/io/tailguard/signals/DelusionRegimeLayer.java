package io.tailguard.signals;

import java.util.List;
import java.util.Map;

/**
 * Layer 2a, delusion regime: the technology sector's forward P/E is above {@code techForwardPeAbove} while real GDP
 * growth is slowing, i.e. the latest quarter-over-quarter growth of real GDP (FRED GDPC1) is below the previous
 * quarter's. Only quarters already published on the snapshot date count.
 */
public final class DelusionRegimeLayer {
    private DelusionRegimeLayer() {
    }

    public record Result(double techForwardPe, double gdpGrowthLatest, double gdpGrowthPrior, boolean slowing,
            boolean active) implements LayerResult {
        @Override
        public LayerDetail detail() {
            return LayerDetail.of(active ? "DELUSION" : "NORMAL", Map.of("techForwardPe", techForwardPe,
                    "gdpGrowthQoqLatest", gdpGrowthLatest, "gdpGrowthQoqPrior", gdpGrowthPrior),
                    List.of(slowing ? "real GDP growth slowing" : "real GDP growth not slowing"));
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.Delusion config) {
        Outcome<Observation> pe = data.latest(SignalSeries.TECH_FORWARD_PE);
        Outcome<List<Observation>> gdp = data.recent(SignalSeries.REAL_GDP, 3);
        if (!Outcomes.allKnown(pe, gdp)) {
            return Outcome.unknown(Outcomes.reasons(pe, gdp));
        }
        List<Observation> q = gdp.value();
        double prior = q.get(1).value() / q.get(0).value() - 1.0;
        double latest = q.get(2).value() / q.get(1).value() - 1.0;
        boolean slowing = latest < prior;
        double forwardPe = pe.value().value();
        return Outcome.known(new Result(forwardPe, latest, prior, slowing,
                forwardPe > config.techForwardPeAbove() && slowing));
    }
}
