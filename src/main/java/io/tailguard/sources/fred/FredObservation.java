package io.tailguard.sources.fred;

import java.time.LocalDate;
import java.util.Objects;

/** One numeric FRED observation (FRED's "." for a missing value is dropped while parsing). */
public record FredObservation(LocalDate date, double value) {
    public FredObservation {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value on " + date + " is not finite");
        }
    }
}
