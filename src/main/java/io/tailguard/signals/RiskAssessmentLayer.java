package io.tailguard.signals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layer 5, risk assessment (hold/out), a composite of the volatility layer and the S&amp;P trend.
 * <ul>
 *   <li>A day is <b>stressed</b> when the VIX term structure is inverted and SPX closes below its
 *       {@code trendDays} simple moving average, or when VIX is above the stress level and rising.</li>
 *   <li>A day is <b>calm</b> when it is not stressed, VIX is below {@code calmVixBelow} (lower than the stress
 *       level: the gap is the hysteresis band) and the term structure is not inverted.</li>
 *   <li>HOLD goes OUT on a stressed day. OUT counts consecutive calm days (any other day resets the count) and goes
 *       back to HOLD on the {@code calmDaysToReenter}-th one.</li>
 * </ul>
 * When an input is unknown the decision is unknown and the previous memory is carried over unchanged.
 */
public final class RiskAssessmentLayer {
    private RiskAssessmentLayer() {
    }

    public record Result(HoldState state, boolean stressed, boolean calm, int calmDays, double spx, double spxTrend,
            HysteresisMemory previous, List<String> reasons) implements LayerResult {
        public Result {
            reasons = List.copyOf(reasons);
        }

        public HysteresisMemory memory(LocalDate asOf) {
            return new HysteresisMemory(state, calmDays, asOf);
        }

        @Override
        public LayerDetail detail() {
            Map<String, Double> values = new TreeMap<>();
            values.put("spx", spx);
            values.put("spxTrend", spxTrend);
            values.put("calmDays", (double) calmDays);
            return LayerDetail.of(state.name(), values, reasons);
        }
    }

    public static Outcome<Result> evaluate(PointInTimeData data, Outcome<VolatilityLayer.Result> volatility,
            HysteresisMemory previous, SignalLayersConfig config) {
        SignalLayersConfig.Risk risk = config.risk();
        Outcome<List<Observation>> spx = data.recent(SignalSeries.SPX, risk.trendDays());
        if (!Outcomes.allKnown(volatility, spx)) {
            return Outcome.unknown(Outcomes.reasons(volatility, spx));
        }
        VolatilityLayer.Result vol = volatility.value();
        List<Observation> closes = spx.value();
        double last = closes.get(closes.size() - 1).value();
        double trend = closes.stream().mapToDouble(Observation::value).average().orElseThrow();

        List<String> reasons = new ArrayList<>();
        boolean invertedBelowTrend = vol.termStructure() == TermStructure.INVERTED && last < trend;
        boolean vixSpiking = vol.stress() && vol.vixDirection() == Direction.RISING;
        if (invertedBelowTrend) {
            reasons.add("term structure inverted and SPX below its " + risk.trendDays() + "-day average");
        }
        if (vixSpiking) {
            reasons.add(String.format("VIX %.2f above %.2f and rising", vol.vix(), config.volatility().vixStressAbove()));
        }
        boolean stressed = invertedBelowTrend || vixSpiking;
        boolean calm = !stressed && vol.vix() < risk.calmVixBelow() && vol.termStructure() != TermStructure.INVERTED;
        if (previous.isInitial()) {
            reasons.add("no earlier snapshot: starting from HOLD");
        }

        HoldState state;
        int calmDays;
        if (stressed) {
            state = HoldState.OUT;
            calmDays = 0;
        } else if (previous.state() == HoldState.HOLD) {
            state = HoldState.HOLD;
            calmDays = 0;
        } else if (calm) {
            calmDays = previous.calmDays() + 1;
            if (calmDays >= risk.calmDaysToReenter()) {
                state = HoldState.HOLD;
                reasons.add("back in after " + calmDays + " calm days");
                calmDays = 0;
            } else {
                state = HoldState.OUT;
                reasons.add("calm day " + calmDays + " of " + risk.calmDaysToReenter());
            }
        } else {
            state = HoldState.OUT;
            calmDays = 0;
            reasons.add("not calm: calm-day count reset");
        }
        return Outcome.known(new Result(state, stressed, calm, calmDays, last, trend, previous, reasons));
    }
}
