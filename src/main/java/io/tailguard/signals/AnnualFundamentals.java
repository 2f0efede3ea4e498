package io.tailguard.signals;

import io.tailguard.signals.SignalSeries.Fundamental;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A company's latest annual figures as known on the snapshot date (10-K facts filed on or before it). All figures
 * must describe the same fiscal year end; mixing years would make a ratio meaningless.
 */
record AnnualFundamentals(String ticker, LocalDate fiscalYearEnd, Map<Fundamental, Double> figures) {

    AnnualFundamentals {
        figures = Map.copyOf(figures);
    }

    static Outcome<AnnualFundamentals> read(PointInTimeData data, String ticker, Fundamental... metrics) {
        Map<Fundamental, Double> figures = new EnumMap<>(Fundamental.class);
        LocalDate yearEnd = null;
        for (Fundamental metric : metrics) {
            Outcome<Observation> latest = data.latest(SignalSeries.fundamental(ticker, metric));
            if (latest instanceof Outcome.Unknown<Observation> unknown) {
                return Outcome.unknown(unknown.reason());
            }
            Observation o = latest.value();
            if (yearEnd != null && !yearEnd.equals(o.observedOn())) {
                return Outcome.unknown(ticker + " figures describe different fiscal years (" + yearEnd + " and "
                        + o.observedOn() + " for " + metric.key() + ")");
            }
            yearEnd = o.observedOn();
            figures.put(metric, o.value());
        }
        return Outcome.known(new AnnualFundamentals(ticker, yearEnd, figures));
    }

    double get(Fundamental metric) {
        return figures.get(metric);
    }
}
