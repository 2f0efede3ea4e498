package io.tailguard.signals;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of one series. {@code observedOn} is the date the value describes (a close, a fiscal year end, a
 * quarter); {@code availableOn} is the first date it could have been known (the close itself, a FRED publication
 * lag, an EDGAR {@code filed} date). A snapshot at date T only ever uses observations with availableOn &le; T.
 */
public record Observation(SeriesId series, LocalDate observedOn, LocalDate availableOn, double value) {

    public Observation {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(observedOn, "observedOn");
        Objects.requireNonNull(availableOn, "availableOn");
        if (availableOn.isBefore(observedOn)) {
            throw new IllegalArgumentException("availableOn " + availableOn + " is before observedOn " + observedOn
                    + " for " + series);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + series + " on " + observedOn + " is not finite");
        }
    }

    /** A value known the same day it describes (a daily close, a CSV row). */
    public static Observation sameDay(SeriesId series, LocalDate date, double value) {
        return new Observation(series, date, date, value);
    }
}
