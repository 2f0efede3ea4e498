package io.tailguard.signals;

import java.util.List;
import java.util.Map;

/**
 * Layer 3c, "Powell pause" detector: funding stress with a drained liquidity buffer. Active when the SOFR minus OIS
 * spread is above {@code sofrOisSpreadAboveBp} and the Fed's overnight reverse repo balance is below
 * {@code reverseRepoBelowBillions}. The OIS leg is proxied by the effective federal funds rate (EFFR): an overnight
 * index swap pays the compounded EFFR, so over short horizons its fair rate is the current EFFR.
 */
public final class PowellPauseLayer {
    private PowellPauseLayer() {
    }

    public record Result(double sofrOisSpreadBp, double reverseRepoBillions, boolean active) implements LayerResult {
        @Override
        public LayerDetail detail() {
            return LayerDetail.of(active ? "ACTIVE" : "INACTIVE", Map.of("sofrOisSpreadBp", sofrOisSpreadBp,
                    "reverseRepoBillions", reverseRepoBillions), List.of("OIS proxy: EFFR"));
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, SignalLayersConfig.PowellPause config) {
        Outcome<Observation> sofr = data.latest(SignalSeries.SOFR);
        Outcome<Observation> ois = data.latest(SignalSeries.OIS_PROXY);
        Outcome<Observation> rrp = data.latest(SignalSeries.REVERSE_REPO);
        if (!Outcomes.allKnown(sofr, ois, rrp)) {
            return Outcome.unknown(Outcomes.reasons(sofr, ois, rrp));
        }
        double spreadBp = 100.0 * (sofr.value().value() - ois.value().value());
        double balance = rrp.value().value();
        return Outcome.known(new Result(spreadBp, balance,
                spreadBp > config.sofrOisSpreadAboveBp() && balance < config.reverseRepoBelowBillions()));
    }
}
