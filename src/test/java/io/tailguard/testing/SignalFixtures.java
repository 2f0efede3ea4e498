package io.tailguard.testing;

import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.HysteresisMemory;
import io.tailguard.signals.MarketRegime;
import io.tailguard.signals.Observation;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalLayersConfig.Company;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.signals.VolatilityRegimeRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Default configuration (the same numbers as strategies/signal-layers.yaml) and series builders for tests. */
public final class SignalFixtures {
    private SignalFixtures() {
    }

    /** The regime thresholds of strategies/signal-layers.yaml ({@code volatility.regime}). */
    public static final VolatilityRegimeRule REGIME_RULE = new VolatilityRegimeRule(0.135, 0.17, 0.30, 0.03, 10);

    public static SignalLayersConfig defaults() {
        return new SignalLayersConfig("UPRO",
                new SignalLayersConfig.Staleness(5, 7, 220, 460, 10),
                new SignalLayersConfig.RateSensitivity("fred:DGS10", 1.0, 60, 4.5, 20, 1.8, 0.75, List.of("UPRO")),
                new SignalLayersConfig.CashFlowDurability(0.15, 3.0,
                        List.of(new Company("MSFT", 789019), new Company("XOM", 34088))),
                new SignalLayersConfig.Delusion(25.0),
                new SignalLayersConfig.Contrarian(0.015, List.of(new Company("HYPE", 1111111))),
                new SignalLayersConfig.Steepener(0.70, "KRE", "ARKK"),
                new SignalLayersConfig.DurationBarbell(0.60, 20, List.of("XLU", "XLV"), "QQQ"),
                new SignalLayersConfig.PowellPause(35.0, 300.0),
                new SignalLayersConfig.Volatility(30.0, 1.0, 0.95, 5, 0.005, REGIME_RULE),
                new SignalLayersConfig.Risk(200, 25.0, 5, 0.0));
    }

    /**
     * A stored snapshot as the weekly roll reads it: only the decisions (no inputs, no layers), known, of the session
     * {@code asOf}. STRESS when the intensity is FULL, RECOVERING when REDUCED, NORMAL otherwise.
     */
    public static SignalSnapshot decided(LocalDate asOf, VolatilityRegime regime, HoldState hold,
            HedgeIntensity intensity, double exposureMultiplier) {
        MarketRegime market = switch (intensity) {
            case FULL -> MarketRegime.STRESS;
            case REDUCED -> MarketRegime.RECOVERING;
            case NONE, STANDARD -> MarketRegime.NORMAL;
        };
        return new SignalSnapshot(asOf.atTime(21, 30).toInstant(java.time.ZoneOffset.UTC), asOf, List.of(), List.of(),
                Outcome.known(market), Outcome.known(regime), Outcome.known(hold), new HysteresisMemory(hold, 0, asOf),
                Outcome.known(exposureMultiplier), Outcome.known(intensity), List.of(), List.of());
    }

    /** The {@code count} weekdays ending on {@code last} (inclusive), oldest first. */
    public static List<LocalDate> weekdaysEndingOn(LocalDate last, int count) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = last;
        while (dates.size() < count) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(0, d);
            }
            d = d.minusDays(1);
        }
        return dates;
    }

    /** One observation per weekday ending on {@code last}, known {@code lagDays} after the date it describes. */
    public static List<Observation> daily(SeriesId series, LocalDate last, int lagDays, double... values) {
        List<LocalDate> dates = weekdaysEndingOn(last, values.length);
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(series, dates.get(i), dates.get(i).plusDays(lagDays), values[i]));
        }
        return out;
    }

    /** {@code count} copies of one value. */
    public static double[] flat(int count, double value) {
        double[] values = new double[count];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** {@code count} values moving linearly from {@code first} to {@code last}. */
    public static double[] ramp(int count, double first, double last) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? last : first + (last - first) * i / (count - 1);
        }
        return values;
    }
}
